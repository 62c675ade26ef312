import Foundation

/// Why a term cannot stand as a topic's name on a shelf label, or nil when it can. A name is a noun
/// phrase a researcher would use ("Mathematical reasoning", "Text-to-image diffusion"); it is never a
/// number, a model or product name ("GPT-4", "LLaMA"), an acronym, a stop word, a word every
/// abstract uses ("models", "data", "user"), a lone adjective ("modular") or a verb ("depends").
/// Two names joined by "and" ("Reasoning and planning") are judged each on its own, and there a
/// field's bare name may stand, since the other half narrows it.
public func nameShapeProblem(_ label: String) -> String? {
    let halves = label.components(separatedBy: " and ")
    if halves.count == 2 {
        return nameShapeProblem(halves[0], alone: false) ?? nameShapeProblem(halves[1], alone: false)
    }
    return nameShapeProblem(label, alone: true)
}

/// `nameShapeProblem` of a name standing `alone`, or of one half of "A and B".
func nameShapeProblem(_ label: String, alone: Bool) -> String? {
    let words = label.split(separator: " ").map(String.init)
    guard !words.isEmpty else { return "empty" }
    for word in words {
        if word.contains(where: \.isNumber) { return "\"\(word)\" is a number or a model name" }
        if isProductOrAcronym(word) { return "\"\(word)\" is an acronym or a model name" }
        if word.unicodeScalars.contains(where: { !CharacterSet.letters.contains($0) && $0 != "-" && $0 != "'" }) {
            return "\"\(word)\" is not a word"
        }
    }
    let lower = words.map { $0.lowercased() }
    if let stop = lower.first(where: { nameStopWords.contains($0) }) { return "\"\(stop)\" is a stop word" }
    if let verb = lower.first(where: { nameVerbs.contains($0) }) { return "\"\(verb)\" is a verb" }
    let head = lower[lower.count - 1]
    if words.count == 1 && (fillerWords.contains(head) || alone && fieldWords.contains(head)) {
        return "\"\(head)\" is too generic on its own"
    }
    if lower.allSatisfy({ fillerWords.contains($0) }) { return "every word of \"\(label)\" is generic" }
    if looksAdjectival(head) || plainAdjectives.contains(head) { return "\"\(head)\" is an adjective, not a noun" }
    if looksVerbal(head) { return "\"\(head)\" is a verb" }
    if words.count == 1 && head.count < 4 { return "\"\(head)\" is too short" }
    if let short = lower.first(where: { $0.count < 3 || $0.count == 3 && !threeLetterNouns.contains($0) }) {
        return "\"\(short)\" is too short to be a word of a name"
    }
    return nil
}

/// "GPT", "LLaMA", "MLLMs", "ChatGPT": capitals after the first letter mark acronyms and product
/// names. A hyphenated compound ("Text-to-image") is judged by its parts.
private func isProductOrAcronym(_ word: String) -> Bool {
    word.split(separator: "-").contains { part in part.dropFirst().contains(where: \.isUppercase) }
}

/// Endings of English adjectives and participles; a name needs a noun at its head.
private func looksAdjectival(_ word: String) -> Bool {
    if adjectiveNouns.contains(word) { return false }
    return ["al", "ive", "ous", "ic", "able", "ible", "ful", "less", "ed", "ly", "ular", "ary"].contains { word.hasSuffix($0) }
}

/// Three-letter nouns that can stand in a name ("art", "law"); other three-letter words are mostly
/// fragments ("don" of "don't") or abbreviations.
private let threeLetterNouns: Set<String> = [
    "art", "law", "map", "gap", "age", "war", "tax", "web", "app", "bug", "car", "dog", "cat", "sun", "sea", "eye", "ear",
    "arm", "leg", "key", "box", "ice", "gas", "oil", "job", "toy", "set", "sum", "log", "net", "tag", "rag", "gym", "tea",
    "pun", "joy", "fun", "lie", "act", "aid", "bit", "cue",
]

/// Verb endings (-ate, -ize, -ise, -yze, -yse, -ify), outside a few common nouns with them.
private func looksVerbal(_ word: String) -> Bool {
    if ["state", "rate", "template", "candidate", "update", "estimate", "climate", "debate", "date", "gate", "plate",
        "substrate", "aggregate", "size", "prize", "noise", "premise", "expertise", "exercise", "promise", "advertise",
        "enterprise", "surprise", "franchise", "precise", "concise", "paradise"].contains(word) { return false }
    return ["ate", "ize", "ise", "yze", "yse", "ify"].contains { word.hasSuffix($0) }
}

/// Nouns with an adjective's ending, common in research-area names.
private let adjectiveNouns: Set<String> = [
    "retrieval", "proposal", "rehearsal", "removal", "arrival", "approval", "interval", "rival", "signal", "journal", "manual",
    "tutorial", "potential", "material", "trial", "denial", "dialogue", "logic", "music", "rhetoric", "arithmetic", "topic",
    "heuristic", "metric", "graphic", "semantic", "narrative", "objective", "perspective", "alternative", "representative",
    "detective", "directive", "incentive", "initiative", "embed", "speed", "seed", "need", "feed", "bed", "vocabulary",
    "summary", "library", "boundary", "dictionary", "anniversary", "commentary", "embedding", "anomaly", "family", "assembly",
    "variable", "table", "supply", "ally", "analytic", "physic", "graphic", "critic", "fabric", "traffic", "mechanic",
]

/// Words that begin or end no name.
private let nameStopWords: Set<String> = [
    "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "from", "at", "as", "is", "are", "be", "this",
    "that", "these", "those", "it", "its", "we", "our", "their", "via", "into", "over", "under", "not", "no", "can", "do", "does",
    "how", "what", "why", "when", "which", "who", "while", "than", "then", "also", "more", "most", "less", "very", "such", "both",
    "each", "all", "any", "some", "other", "new", "novel", "first", "one", "two", "three", "many", "much", "well", "further",
]

/// Verbs that abstracts use and topic terms pick up; a shelf label is never a verb.
private let nameVerbs: Set<String> = [
    "depends", "depend", "reveal", "reveals", "show", "shows", "propose", "proposes", "improve", "improves", "struggle",
    "struggles", "achieve", "achieves", "enable", "enables", "perform", "performs", "outperform", "outperforms", "make",
    "makes", "use", "uses", "using", "used", "find", "finds", "suggest", "suggests", "demonstrate", "demonstrates", "remain",
    "remains", "lead", "leads", "require", "requires", "fail", "fails", "know", "knows", "learn", "learns", "generate",
    "generates", "follow", "follows", "following", "provide", "provides", "allow", "allows", "help", "helps", "reduce",
    "reduces", "increase", "increases", "yield", "yields", "exhibit", "exhibits", "rely", "relies", "become", "becomes",
    "consider", "considers", "explore", "explores", "investigate", "investigates", "study", "studies", "address", "addresses",
    "introduce", "introduces", "present", "presents", "evaluate", "evaluates", "assess", "assesses", "compare", "compares",
    "enhance", "enhances", "enhanced", "enhancing", "integrate", "integrates", "integrating", "challenging", "leverage",
    "leverages", "leveraging", "improving", "grow", "grows", "growing", "teach", "teaches", "benefit", "benefits",
    "develop", "develops", "developing", "correct", "corrects", "exist", "exists", "emerge", "emerges", "apply", "applies",
    "identify", "identifies", "predict", "predicts", "solve", "solves",
    "train", "trains", "understand", "understands", "achieve", "construct", "constructs", "contain",
    "contains", "create", "creates", "describe", "describes", "determine", "determines", "discover",
    "discovers", "examine", "examines", "explain", "explains", "extend", "extends", 
    "include", "includes", "indicate", "indicates", "involve", "involves", "maintain", "maintains", "obtain", "obtains",
    "produce", "produces", "receive", "represent", "represents", "tend", "tends", "treat", "treats", "seem", "seems", "appear", "appears",
    "draw", "draws", "analyze", "analyse", "utilize", "give", "gives", "take", "takes", "keep", "keeps",
]

/// Adjectives without an adjective's ending that abstracts use all the time.
private let plainAdjectives: Set<String> = [
    "similar", "real-world", "robust", "correct", "efficient", "different", "complex", "simple", "novel", "new", "old",
    "large", "small", "strong", "weak", "high", "low", "long", "short", "wide", "broad", "narrow", "deep", "shallow",
    "hard", "easy", "fast", "slow", "good", "bad", "better", "worse", "best", "worst", "recent", "current", "prior",
    "whole", "full", "open", "closed", "clear", "common", "rare", "main", "major", "minor", "key", "due", "able", "aware",
    "severe", "diverse", "extensive", "various", "several", "certain", "specific", "same", "own", "free", "fine",
    "fine-grained", "state-of-the-art", "off-the-shelf", "well-known", "large-scale", "small-scale", "zero-shot", "few-shot",
    "in-context", "end-to-end", "pre-trained", "open-source", "multi-step", "step-by-step", "human-like", "long-term",
    "implicit", "explicit", "abstract", "concrete", "direct", "indirect", "distinct", "exact", "inherent", "relevant",
]

/// Words almost every abstract uses: no name is made of these alone.
private let fillerWords: Set<String> = [
    "model", "models", "modeling", "modelling", "method", "methods", "approach", "approaches", "task", "tasks", "data",
    "dataset", "datasets", "result", "results", "performance", "framework", "frameworks", "system", "systems", "user",
    "users", "behavior", "behaviour", "behaviors", "behaviours", "ability", "abilities", "capability", "capabilities",
    "language", "languages", "large", "neural", "network", "networks", "study", "analysis", "analyses", "problem",
    "problems", "work", "paper", "set", "sets", "base", "process", "processing", "technology", "concern", "concerns",
    "mechanism", "mechanisms", "internal", "environment", "environments", "question", "questions", "answer", "answers",
    "prediction", "predictions", "example", "examples", "information", "structure", "structures", "level", "levels",
    "type", "types", "form", "forms", "way", "ways", "case", "cases", "effect", "effects", "experiment", "experiments",
    "evidence", "setting", "settings", "baseline", "baselines", "accuracy", "quality", "score", "scores", "output",
    "outputs", "input", "inputs", "text", "texts", "word", "words", "token", "tokens", "response", "responses",
    "prompt", "prompts", "human", "humans", "people", "world", "research", "researchers", "field", "domain", "domains",
    "application", "applications", "tool", "tools", "solution", "solutions", "step", "steps", "factor", "factors",
    "feature", "features", "property", "properties", "pattern", "patterns", "change", "changes", "role", "roles",
    "aspect", "aspects", "part", "parts", "number", "amount", "size", "scale", "time", "space", "advanced", "general",
    "specific", "different", "existing", "current", "recent", "key", "important", "significant", "strong", "small",
    "high", "low", "good", "better", "best", "simple", "complex", "natural", "natural-language", "artificial", "llm",
    "llms", "lm", "lms", "ai", "nlp", "deep", "machine", "computer", "test", "tests", "label", "labels", "algorithm",
    "algorithms", "goal", "goals", "bound", "upper", "challenge", "challenges", "target", "targets", "focus",
]

/// Names of whole fields: too broad to name a topic on their own ("Reasoning", "Forgetting"), fine in a
/// phrase ("Mathematical reasoning", "Multimodal models").
private let fieldWords: Set<String> = [
    "learning", "training", "inference", "documentation", "probability", "graph", "modular", "intelligence",
    "benchmark", "benchmarks", "evaluation", "evaluations", "knowledge", "representation", "representations",
    "generation", "understanding", "reasoning", "learner", "learners", "agent", "agents", "instruction", "instructions",
    "fine-tuning", "finetuning", "pretraining", "pre-training", "transformer", "transformers", "attention", "image",
    "images", "vision", "visual", "multimodal", "multi-modal", "semantic", "semantics", "meaning", "concept",
    "concepts", "forgetting", "generalization", "generalisation", "alignment", "bias", "biases", "interpretability",
    "multilingual", "translation",
]
