#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import Dispatch
internal import Synchronization

/// Removes unfinished temporary outputs when the process is interrupted (Ctrl-C, `kill`, a closed
/// terminal), so an interrupted run leaves no partial file behind, just as a failed one does.
///
/// The signals are received through Dispatch sources rather than a C signal handler, so clean-up runs
/// as ordinary code on a Dispatch queue, and the process then exits with 128 + the signal number.
package enum TemporaryFileRegistry {
    private static let paths = Mutex<Set<String>>([])
    private static let installed = Mutex<[any DispatchSourceSignal]>([])

    /// Records a temporary file to remove on interruption, installing the handlers on first use.
    package static func register(_ path: String) {
        installHandlers()
        paths.withLock { _ = $0.insert(path) }
    }

    /// Forgets a temporary file that was committed or removed.
    package static func unregister(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Installs the signal handlers now, before any temporary file exists, so none is ever unguarded.
    package static func prepare() {
        installHandlers()
    }

    private static let signalQueue = DispatchQueue(label: "jigsaw.signals")

    private static func installHandlers() {
        installed.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                // A queue of its own (overcommitting), not the global pool: with every pool thread blocked
                // (reading standard input, say) a handler on the pool could wait forever.
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
                source.setEventHandler {
                    let pending = paths.withLock { $0 }
                    for path in pending { unlink(path) }
                    _exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
