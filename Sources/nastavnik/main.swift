import Foundation
import NastavnikCLI

exit(NastavnikCommand.runMain())
