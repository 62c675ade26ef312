/// Interns 64-bit keys (pairs of stem ids) as dense ids in first-seen order, with open addressing
/// and a multiplicative hash: counting a corpus's word pairs does millions of lookups, which
/// `Dictionary`'s seeded hashing makes several times slower.
struct KeyTable {
    /// The keys, by id.
    private(set) var keys: [UInt64] = []
    /// Each slot holds an id, or -1 when empty.
    private var slots: [Int32]
    private var shift: UInt64

    /// A table sized for about `capacity` keys before it first grows.
    init(capacity: Int = 1024) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [Int32](repeating: -1, count: 1 << bits)
        shift = 64 - bits
    }

    /// How many distinct keys the table holds.
    var count: Int { keys.count }

    /// The id of `key`, adding it if new; `inserted` says whether it was.
    mutating func intern(_ key: UInt64) -> (id: Int, inserted: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if keys[id] == key { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = keys.count
        slots[slot] = Int32(id)
        keys.append(key)
        if keys.count * 2 > slots.count { grow() }
        return (id, true)
    }

    /// The id of `key` if the table holds it.
    func id(of key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if keys[id] == key { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        shift -= 1
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }
}
