/// Numbers the distinct words of a text stream by their bytes: an open-addressing hash table over
/// one byte arena, so that counting words costs no `String` and no SipHash per occurrence (the
/// search index reads every word of every abstract).
struct WordTable {
    /// Word number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var arena: [UInt8] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// How many distinct words were numbered.
    var count: Int { hashes.count }

    /// The word numbered `number`.
    func word(_ number: Int) -> String {
        String(decoding: arena[starts[number]..<starts[number + 1]], as: UTF8.self)
    }

    /// The FNV-1a hash `number(of:hash:)` expects.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The number of `bytes` (hashed by `hash(_:)`), given the next free number if it is new.
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let number = entry - 1
            if hashes[number] == hash, starts[number + 1] - starts[number] == bytes.count,
               arena.withUnsafeBufferPointer({ arena in
                   (0..<bytes.count).allSatisfy { arena[starts[number] + $0] == bytes[$0] }
               }) {
                return number
            }
            slot = (slot + 1) & mask
        }
        let number = hashes.count
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[slot] = Int32(number + 1)
        if hashes.count * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
