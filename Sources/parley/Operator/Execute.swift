// Running one command from the tool as the operator, with refusals printed as a person-readable
// error and a non-zero exit.
import ParleyCore
import ParleyStore

extension Store {
    func executeFromTool(_ command: Command) async throws -> ExecutionResult {
        do {
            return try await execute(command, by: toolOperator)
        } catch let refusal as Refusal {
            throw CLIError(toolMessage: refusal)
        }
    }
}

extension CLIError {
    /// A refusal as the tool prints it: an unknown id gets a hint where to look it up.
    init(toolMessage refusal: Refusal) {
        switch refusal {
        case .notVisible: self.init("no such mechanism, party or item: check the id (`parley mechanism list`)")
        default: self.init(refusal.description)
        }
    }
}

func parseMechanismID(_ text: String) -> MechanismID { MechanismID(text) }
