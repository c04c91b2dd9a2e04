import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder shared by Kapstok's commands, written so that its files change together.
///
/// A command's files (`match`: `pairings.csv`, `unmatched.csv`, `summary.json`; later
/// `schedule`: `sessions.csv` and calendars) must appear together or not at all, whatever
/// instant the process is killed at, and two commands writing one folder at once must not mix
/// their files. No sequence of `rename(2)` calls on several regular files gives that, so the
/// folder is laid out the way Kubernetes' atomic writer lays out a mounted volume:
///
/// ```
/// out/pairings.csv  → .kapstok/current/pairings.csv      (a symbolic link, made once)
/// out/.kapstok/current → g-1733087600-4242-k3v9           (a symbolic link, switched per commit)
/// out/.kapstok/g-1733087600-4242-k3v9/pairings.csv        (the files of one complete set)
/// out/.kapstok/lock                                      (flock(2) while a commit runs)
/// ```
///
/// A commit, under an exclusive `flock` on `.kapstok/lock` (a second writer waits for it):
/// 1. removes what killed runs left in `.kapstok/` (every entry but `lock`, `current` and the
///    generation `current` names), so no temporary copy of personal data outlives the next run;
/// 2. writes a new generation folder: the other commands' files of the current generation
///    (hard links, or copies where links fail) and this command's new files, each `0600` and
///    flushed to disk;
/// 3. makes the top-level links for names that are new to the folder (they dangle, so they read
///    as absent, until the switch);
/// 4. switches `current` to the new generation with one `rename(2)`: the commit point;
/// 5. removes links to names the new set no longer has, and the old generations.
///
/// At every instant the files seen through the folder are one complete set: the previous one up
/// to step 4, the new one from then on. A folder that holds regular files of an older Kapstok (or
/// copies) is first taken over as it is: its files are hard-linked into an initial generation
/// and then replaced, one by one, by links to identical content.
///
/// Folders are created `0700` and files `0600` (outputs hold personal data).
public struct OutputFolder: Sendable {
    /// The folder as given.
    public let url: URL

    /// The folder inside the output folder that holds the generations and the lock.
    public static let stateFolderName = ".kapstok"

    /// A step of a commit, reported to a hook (tests inject delays and kills there).
    public enum CommitStep: String, Sendable, CaseIterable {
        /// The lock is held and leftovers of killed runs are removed.
        case locked
        /// The new generation is complete on disk; nothing visible has changed.
        case generationWritten = "generation-written"
        /// Links for new names exist (dangling); nothing visible has changed.
        case linked
        /// `current` names the new generation: the new set is visible.
        case switched
        /// Old generations and stale links are removed.
        case cleaned
    }

    /// Which files of the folder a command owns: exact names and folder prefixes (`calendars/`).
    ///
    /// A commit replaces every owned file: owned files that the new set lacks disappear, files of
    /// other commands are carried over unchanged.
    public struct Ownership: Sendable, Hashable {
        public var names: Set<String>
        public var prefixes: [String]

        public init(names: Set<String>, prefixes: [String] = []) {
            self.names = names
            self.prefixes = prefixes
        }

        func owns(_ path: String) -> Bool {
            names.contains(path) || prefixes.contains { path.hasPrefix($0) }
        }
    }

    /// Creates a handle; nothing is touched until ``commit(_:owning:command:waitSeconds:hook:)``.
    public init(_ url: URL) {
        self.url = url
    }

    /// Writes a set of files into the folder as one commit (see the type's documentation).
    ///
    /// - Parameters:
    ///   - files: relative paths (`pairings.csv`, `calendars/E01.ics`) and contents.
    ///   - ownership: what this command owns; defaults to exactly the names given.
    ///   - command: a short description of the writer, shown to a second writer that has to wait.
    ///   - waitSeconds: how long to wait for another writer's lock before giving up.
    ///   - hook: called at each step (tests inject delays and signals there).
    ///   - derived: files made, under the lock, from this commit's files and the other commands'
    ///     files the folder holds (a workbook of every result in the folder); see ``Derived``.
    /// - Throws: ``FileWriteError``; the folder then shows the previous set.
    public func commit(
        _ files: [(name: String, data: Data)], owning ownership: Ownership? = nil, command: String = "kapstok",
        waitSeconds: Double = 60, hook: ((CommitStep) -> Void)? = nil, derived: Derived? = nil
    ) throws(FileWriteError) {
        var files = files
        for file in files { try Self.checkName(file.name) }
        for name in derived?.names ?? [] { try Self.checkName(name) }
        for name in Set(files.map { Self.topLevelName($0.name) } + (derived?.names ?? [])) {
            var info = stat()
            let path = url.appendingPathComponent(name).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw FileWriteError(path: path, operation: "replace", reason: "a folder with that name exists")
            }
        }
        var owned = ownership ?? Ownership(names: Set(files.map(\.name)))
        owned.names.formUnion(derived?.names ?? [])
        try AtomicFileWriter.createDirectory(url)
        let state = url.appendingPathComponent(Self.stateFolderName)
        try Self.makeFolder(state.path)
        let lock = try FolderLock(path: state.appendingPathComponent("lock").path, waitSeconds: waitSeconds, holder: command)
        defer { lock.release() }
        let transaction = Transaction(folder: url.path, state: state.path)
        try transaction.removeLeftovers()
        try transaction.adoptRegularFiles(named: files.map { Self.topLevelName($0.name) } + (derived?.names ?? []))
        if let derived {
            // Read under the lock, so the derived files match the set this commit replaces.
            let made = try derived.make(transaction.carriedFiles(owned: owned))
            for file in made where !derived.names.contains(file.name) {
                throw FileWriteError(path: file.name, operation: "write", reason: "not one of the derived files named")
            }
            files += made
        }
        hook?(.locked)
        let generation = try transaction.writeGeneration(files, owned: owned)
        hook?(.generationWritten)
        let names = try Self.topLevelEntries(of: transaction.state + "/" + generation)
        try transaction.makeLinks(names)
        hook?(.linked)
        try transaction.switchCurrent(to: generation)
        hook?(.switched)
        transaction.clean(keeping: generation, names: names)
        hook?(.cleaned)
    }

    /// Files a commit makes from what the folder will hold: `make` gets the top-level files of
    /// other commands that the commit carries over (name and contents, sorted by name) and
    /// returns files among `names` (owned by the commit; a name it does not return is removed
    /// like any owned file the new set lacks).
    public struct Derived {
        /// The names `make` may return.
        public var names: [String]
        /// Makes the files from the carried files.
        public var make: ([(name: String, data: Data)]) throws(FileWriteError) -> [(name: String, data: Data)]

        /// Creates a derivation.
        public init(
            names: [String], make: @escaping ([(name: String, data: Data)]) throws(FileWriteError) -> [(name: String, data: Data)]
        ) {
            self.names = names
            self.make = make
        }
    }

    /// The first component of a relative path.
    static func topLevelName(_ path: String) -> String {
        String(path.split(separator: "/", maxSplits: 1).first ?? "")
    }

    /// A relative path without empty, `.` or `..` components, not hidden, each component at
    /// most 255 bytes, without NUL.
    static func checkName(_ name: String) throws(FileWriteError) {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let valid = !name.isEmpty && !name.hasPrefix("/") && !name.utf8.contains(0)
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 255 }
            && !(components.first?.hasPrefix(".") ?? true)
        if !valid { throw FileWriteError(path: name, operation: "write", reason: "not a valid output file name") }
    }

    /// The names directly inside a folder, sorted.
    static func topLevelEntries(of path: String) throws(FileWriteError) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            throw FileWriteError(path: path, operation: "read folder", reason: InputFile.systemMessage(errno))
        }
        return names.sorted()
    }

    static func makeFolder(_ path: String) throws(FileWriteError) {
        if mkdir(path, 0o700) == 0 { return }
        let code = errno
        var isDirectory: ObjCBool = false
        if code == EEXIST, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return
        }
        throw FileWriteError(
            path: path, operation: "create folder",
            reason: code == EEXIST ? "a file with that name exists" : InputFile.systemMessage(code))
    }
}

/// The file-system work of one commit, on paths (POSIX calls, so every failure has a reason).
private struct Transaction {
    let folder: String
    let state: String
    static let current = "current"
    static let lock = "lock"

    init(folder: String, state: String) {
        self.folder = folder
        self.state = state
    }

    /// The generation `current` names, if any.
    var currentGeneration: String? {
        Self.readLink(state + "/" + Self.current)
    }

    /// The top-level files of the current generation that `owned` does not cover (what a commit
    /// carries over from other commands), sorted by name.
    func carriedFiles(owned: OutputFolder.Ownership) throws(FileWriteError) -> [(name: String, data: Data)] {
        guard let current = currentGeneration else { return [] }
        let root = state + "/" + current
        var carried: [(name: String, data: Data)] = []
        for name in try OutputFolder.topLevelEntries(of: root) where !owned.owns(name) {
            var info = stat()
            guard lstat(root + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            switch InputFile.readBytes(atPath: root + "/" + name, limit: InputFile.maximumSize) {
            case .success(let bytes): carried.append((name, Data(bytes)))
            case .failure(let failure): throw FileWriteError(path: folder + "/" + name, operation: "read", reason: failure.message)
            }
        }
        return carried
    }

    /// Removes every entry of the state folder except the lock, `current` and its generation:
    /// what runs killed before their switch left behind.
    func removeLeftovers() throws(FileWriteError) {
        let keep: Set<String> = [Self.lock, Self.current, currentGeneration ?? ""]
        for name in try OutputFolder.topLevelEntries(of: state) where !keep.contains(name) {
            Self.removeTree(state + "/" + name)
        }
        // Temporary links of a killed run next to the outputs, and the temporary files
        // (`.pairings.csv.<random>.tmp`) that Kapstok 0.1 wrote there.
        for name in try OutputFolder.topLevelEntries(of: folder)
        where name.hasPrefix(".kapstok-link-") || Self.isOldTemporary(name) {
            unlink(folder + "/" + name)
        }
    }

    /// Takes over regular files that an older Kapstok (or a user) left where links will go: when
    /// there is no generation yet, they become the initial generation (hard links, so no byte
    /// changes), and each is then replaced by a link that reads the same content.
    func adoptRegularFiles(named names: [String]) throws(FileWriteError) {
        guard currentGeneration == nil else { return }
        let regular = Set(names).sorted().filter { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
        guard !regular.isEmpty else { return }
        let generation = Self.uniqueName("g")
        try OutputFolder.makeFolder(state + "/" + generation)
        for name in regular {
            try Self.linkOrCopy(from: folder + "/" + name, to: state + "/" + generation + "/" + name)
        }
        Self.syncFolder(state + "/" + generation)
        try switchCurrent(to: generation)
        try makeLinks(regular)
    }

    /// Writes the new generation: carried-over files of other commands, then the new files.
    func writeGeneration(_ files: [(name: String, data: Data)], owned: OutputFolder.Ownership) throws(FileWriteError) -> String {
        let generation = Self.uniqueName("g")
        let root = state + "/" + generation
        try OutputFolder.makeFolder(root)
        do {
            if let current = currentGeneration {
                for path in Self.files(under: state + "/" + current) where !owned.owns(path) {
                    try makeParents(of: path, in: root)
                    try Self.linkOrCopy(from: state + "/" + current + "/" + path, to: root + "/" + path)
                }
            }
            // A generation can hold thousands of files (a calendar per person): on Linux they are
            // written without a flush each and flushed with one syncfs(2) of their file system
            // before the switch; where that fails, or elsewhere, each file is flushed itself.
            #if os(Linux)
            let flushEach = false
            #else
            let flushEach = true
            #endif
            for file in files {
                try makeParents(of: file.name, in: root)
                try Self.writeFile(file.data, to: root + "/" + file.name, sync: flushEach)
            }
            if !flushEach, !Self.syncFileSystem(of: root) {
                for file in files { Self.syncFile(root + "/" + file.name) }
            }
            for folder in Set(files.map { ($0.name as NSString).deletingLastPathComponent }) {
                Self.syncFolder(folder.isEmpty ? root : root + "/" + folder)
            }
            Self.syncFolder(root)
        } catch {
            Self.removeTree(root)
            throw error
        }
        return generation
    }

    private func makeParents(of path: String, in root: String) throws(FileWriteError) {
        var prefix = root
        for component in path.split(separator: "/").dropLast() {
            prefix += "/" + component
            try OutputFolder.makeFolder(prefix)
        }
    }

    /// Makes `folder/name` a link to `.kapstok/current/name` for every name that is not one yet.
    func makeLinks(_ names: [String]) throws(FileWriteError) {
        var changed = false
        for name in names {
            let path = folder + "/" + name
            let target = OutputFolder.stateFolderName + "/" + Self.current + "/" + name
            if Self.readLink(path) == target { continue }
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                throw FileWriteError(path: path, operation: "replace", reason: "a folder with that name exists")
            }
            let temporary = folder + "/" + Self.uniqueName(".kapstok-link")
            guard symlink(target, temporary) == 0 else {
                throw FileWriteError(path: path, operation: "link", reason: InputFile.systemMessage(errno))
            }
            guard rename(temporary, path) == 0 else {
                let reason = InputFile.systemMessage(errno)
                unlink(temporary)
                throw FileWriteError(path: path, operation: "replace", reason: reason)
            }
            changed = true
        }
        if changed { Self.syncFolder(folder) }
    }

    /// Points `current` at a generation with one rename: the commit point.
    func switchCurrent(to generation: String) throws(FileWriteError) {
        let temporary = state + "/" + Self.uniqueName("current")
        guard symlink(generation, temporary) == 0 else {
            throw FileWriteError(path: state, operation: "link", reason: InputFile.systemMessage(errno))
        }
        guard rename(temporary, state + "/" + Self.current) == 0 else {
            let reason = InputFile.systemMessage(errno)
            unlink(temporary)
            throw FileWriteError(path: state + "/" + Self.current, operation: "replace", reason: reason)
        }
        Self.syncFolder(state)
    }

    /// Removes links to names the current set lacks, then every generation but the current one.
    /// Best effort: what stays is removed by the next commit.
    func clean(keeping generation: String, names: [String]) {
        let present = Set(names)
        let prefix = OutputFolder.stateFolderName + "/" + Self.current + "/"
        for name in (try? OutputFolder.topLevelEntries(of: folder)) ?? [] where !present.contains(name) {
            if let target = Self.readLink(folder + "/" + name), target.hasPrefix(prefix) { unlink(folder + "/" + name) }
        }
        for name in (try? OutputFolder.topLevelEntries(of: state)) ?? []
        where name != Self.lock && name != Self.current && name != generation {
            Self.removeTree(state + "/" + name)
        }
        Self.syncFolder(folder)
        Self.syncFolder(state)
    }

    /// `.<name>.<base-36 suffix>.tmp`, as ``AtomicFileWriter`` names its temporary files.
    static func isOldTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".")
        guard parts.count >= 2, let suffix = parts.last else { return false }
        return suffix.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }

    // MARK: POSIX helpers

    static func uniqueName(_ prefix: String) -> String {
        let time = Int(Date().timeIntervalSince1970)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return "\(prefix)-\(time)-\(getpid())-\(random)"
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Every regular file under a folder, as relative paths, sorted.
    static func files(under root: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root : root + "/" + relative
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(child)
                case S_IFREG: result.append(child)
                default: break
                }
            }
        }
        walk("")
        return result
    }

    static func linkOrCopy(from source: String, to target: String) throws(FileWriteError) {
        if link(source, target) == 0 { return }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw FileWriteError(path: source, operation: "read", reason: InputFile.systemMessage(errno))
        }
        try writeFile(data, to: target)
    }

    /// Flushes the file system that holds `path` (Linux `syncfs(2)`); false where that fails.
    static func syncFileSystem(of path: String) -> Bool {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return linuxSyncfs(descriptor) == 0
        #else
        return false
        #endif
    }

    /// Flushes one written file to disk; best effort.
    static func syncFile(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Writes a new `0600` file and flushes it to disk (unless `sync` is false).
    static func writeFile(_ data: Data, to path: String, sync: Bool = true) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, operation: "write", reason: InputFile.systemMessage(errno))
        }
        let failure = AtomicFileWriter.fillAndClose(descriptor, with: data, sync: sync)
        if failure != 0 {
            unlink(path)
            throw FileWriteError(path: path, operation: "write", reason: InputFile.systemMessage(failure))
        }
    }

    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                removeTree(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

#if os(Linux)
/// glibc's `syncfs(2)` (declared only under `_GNU_SOURCE`, so not imported by the Glibc module).
@_silgen_name("syncfs")
private func linuxSyncfs(_ descriptor: Int32) -> Int32
#endif

/// An exclusive `flock(2)` on a lock file, released on `release()` or when the process ends
/// (also when it is killed, which is why `flock` and not a lock file's existence is used).
private final class FolderLock {
    private var descriptor: Int32

    /// Takes the lock, waiting up to `waitSeconds` for another holder.
    ///
    /// - Throws: ``FileWriteError`` naming the other writer when the wait runs out.
    init(path: String, waitSeconds: Double, holder: String) throws(FileWriteError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, operation: "lock", reason: InputFile.systemMessage(errno))
        }
        let deadline = Date().addingTimeInterval(max(0, waitSeconds))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                throw FileWriteError(path: path, operation: "lock", reason: InputFile.systemMessage(code))
            }
            if Date() >= deadline {
                let other = Self.holderDescription(descriptor)
                close(descriptor)
                throw FileWriteError(
                    path: (path as NSString).deletingLastPathComponent.replacingOccurrences(
                        of: "/" + OutputFolder.stateFolderName, with: ""),
                    operation: "write",
                    reason: "another kapstok run is writing it\(other.map { " (\($0))" } ?? "") and did not finish "
                        + "within \(Int(waitSeconds)) s; nothing was changed")
            }
            usleep(20_000)
        }
        let text = "pid \(getpid()): \(holder)\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    private static func holderDescription(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(120))
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
