/// Interns words given as UTF-8 bytes as dense ids (0, 1, 2, ... in first-seen order). It hashes the
/// bytes directly, so looking up a word already seen makes no `String`: tokenising a corpus meets
/// the same few thousand words millions of times.
struct WordTable {
    /// All interned words back to back; word `id` is `arena[starts[id]..<starts[id + 1]]`.
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: each slot holds an id, or -1 when empty.
    private var slots: [Int32]

    /// A table sized for about `capacity` words before it first grows.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    /// How many distinct words the table holds.
    var count: Int { hashes.count }

    /// The id of `word`, adding it if new; `inserted` says whether it was.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        intern(word, hash: Self.hash(word))
    }

    /// `intern(_:)` for a caller that computed `hash(word)` while scanning the bytes.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int, inserted: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && equals(id, word) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        slots[slot] = Int32(id)
        hashes.append(hash)
        arena.append(contentsOf: word)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `word` if the table holds it.
    func id(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if hashes[id] == hash && equals(id, word) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with the bytes of word `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[starts[id]..<starts[id + 1]]))
        }
    }

    /// Word `id` as a string.
    func string(_ id: Int) -> String { withBytes(id) { String(decoding: $0, as: UTF8.self) } }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == word.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            for i in 0..<word.count where arena[start + i] != word[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }

    /// FNV-1a with a final mix, since the low bits pick the slot.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = fnvBasis
        for byte in word { hash = fnvStep(hash, byte) }
        return mix(hash)
    }

    /// FNV-1a's starting value, its step per byte and the final mix, for callers that hash as they scan.
    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static func fnvStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    static func mix(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 29) }
}
