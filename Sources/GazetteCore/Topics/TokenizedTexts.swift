/// Written forms of words by dense id (first-seen order), each with its stem: the vocabulary that
/// token lists refer to.
struct WordForms: Sendable {
    var table = WordTable(capacity: 1 << 12)
    /// Each form's stem id, or -1 for a stop word or a word without letters.
    var stemOf: [Int32] = []
    /// Stem keys by id.
    var stems: [String] = []
    private var stemIDs: [String: Int32] = [:]

    var count: Int { stemOf.count }

    /// The id of `form`, adding it with the stem `stem()` gives (nil: no stem) if new.
    mutating func intern(_ form: UnsafeBufferPointer<UInt8>, stem: () -> String?) -> Int32 {
        let (id, inserted) = table.intern(form)
        if inserted {
            if let key = stem() { stemOf.append(stemID(key)) } else { stemOf.append(-1) }
        }
        return Int32(id)
    }

    private mutating func stemID(_ key: String) -> Int32 {
        if let id = stemIDs[key] { return id }
        let id = Int32(stems.count)
        stemIDs[key] = id
        stems.append(key)
        return id
    }
}

/// Documents' words as ids into `forms`, in reading order: each document's title, then its
/// abstract, stop words left out. A token is `form << 1`, plus 1 when punctuation, a too-short
/// word or a stop word cut it off from the word before (the two then never form a phrase).
struct TokenizedTexts: Sendable {
    var forms = WordForms()
    var tokens: [UInt32] = []
    /// Per document, where its title's tokens end and where its abstract's end.
    var ends: [(title: Int, body: Int)] = []

    var count: Int { ends.count }

    /// Appends document `d` of `other`, its forms renumbered into these texts' through `map`
    /// (`other`'s ids to ours, -1 until a form is first met, when it is added here).
    mutating func append(_ d: Int, of other: TokenizedTexts, map: inout [Int32]) {
        let (title, body) = other.ranges(d)
        for (part, range) in [title, body].enumerated() {
            for position in range {
                let token = other.tokens[position], form = Int(token >> 1)
                if map[form] < 0 {
                    let stem = other.forms.stemOf[form]
                    map[form] = other.forms.table.withBytes(form) { bytes in
                        forms.intern(bytes) { stem < 0 ? nil : other.forms.stems[Int(stem)] }
                    }
                }
                tokens.append(UInt32(map[form]) << 1 | token & 1)
            }
            if part == 0 { ends.append((tokens.count, tokens.count)) } else { ends[ends.count - 1].body = tokens.count }
        }
    }

    /// The token positions of document `d`'s title and abstract.
    func ranges(_ d: Int) -> (title: Range<Int>, body: Range<Int>) {
        let start = d == 0 ? 0 : ends[d - 1].body
        return (start..<ends[d].title, ends[d].title..<ends[d].body)
    }
}

/// Reads the words of a run of documents with one stemmer: accents folded, each written form
/// stemmed once and looked up by its bytes afterwards.
func tokenizeTexts(_ documents: ArraySlice<(title: String, body: String)>) -> TokenizedTexts {
    let stemmer = Stemmer()
    var texts = TokenizedTexts()
    texts.ends.reserveCapacity(documents.count)
    for document in documents {
        var titleEnd = 0
        for (part, text) in [document.title, document.body].enumerated() {
            var folded = text
            // Folding accents rebuilds the string: only do it when a byte says there is one.
            if !isASCII(folded) { folded = foldToASCII(folded) }
            folded.withUTF8 { bytes in
                var scanner = WordScanner(bytes)
                // A stop word counts for nothing but the break it makes: it is left out, and the
                // word after it marked as cut off (a third to a half fewer tokens to keep).
                var cut = false
                while let (word, afterBreak) = scanner.next() {
                    let form = texts.forms.intern(word) { stemKey(String(decoding: word, as: UTF8.self), stemmer: stemmer) }
                    guard texts.forms.stemOf[Int(form)] >= 0 else {
                        cut = true
                        continue
                    }
                    texts.tokens.append(UInt32(form) << 1 | (afterBreak || cut ? 1 : 0))
                    cut = false
                }
            }
            if part == 0 { titleEnd = texts.tokens.count }
        }
        texts.ends.append((titleEnd, texts.tokens.count))
    }
    return texts
}
