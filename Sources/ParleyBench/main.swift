// `parley-bench`: the figures the issues ask for, printed for this machine. Run by
// scripts/bench in a release build; never part of the test suite.
print("parley-bench")
