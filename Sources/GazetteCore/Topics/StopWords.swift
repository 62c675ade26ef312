/// Words that say nothing about a paper's subject: English function words, and the boilerplate
/// every abstract uses ("we propose a novel approach ... results show").
public let stopWords: Set<String> = {
    let english = """
    a about above across after afterwards again against all almost alone along already also although always am
    among amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because
    become becomes becoming been before beforehand behind being below beside besides between beyond both but by
    can cannot could did do does doing done down due during each eg e.g either else elsewhere enough etc even
    ever every everyone everything everywhere except few for former formerly from further had has have having he
    hence her here hereafter hereby herein hereupon hers herself him himself his how however i ie i.e if in indeed
    into is it its itself just last latter latterly least less made many may me meanwhile might mine more moreover
    most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now
    nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per
    perhaps please rather re same seem seemed seeming seems she should since so some somehow someone something
    sometime sometimes somewhere still such than that the their theirs them themselves then thence there
    thereafter thereby therefore therein thereupon these they this those though through throughout thru thus to
    together too toward towards under until up upon us very via was we well were what whatever when whence
    whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever
    whole whom whose why will with within without would yet you your yours yourself yourselves
    """
    let boilerplate = """
    propose proposes proposed proposing paper papers result results approach approaches method methods
    show shows showed shown demonstrate demonstrates demonstrated present presents presented introduce introduces
    introduced novel new based using use uses used work works study studies studied also however furthermore
    existing recent recently various different several able significantly significant substantially extensive
    experiments experiment experimental empirical empirically effectiveness effective effectively achieve achieves
    achieved achieving improve improves improved improvement improvements state-of-the-art sota outperforms
    outperform outperforming finally first second third two three key find finds found findings provide provides
    provided well-known specifically particular particularly often including include includes includes given
    make makes making via across code available publicly github https http www com org et al respectively
    many much lot lots whole wide widely comprehensive address addresses addressing aim aims paper's leverage
    leveraging leverages enable enables enabling thereby highly better best strong stronger shed sheds light
    like suggest suggests observe observed examine examines require requires lack lacks cause causes
    future highlight highlights direction directions discuss discusses research researchers development
    performance perform performs downstream large larger consider considers investigate investigates explore explores remain remains despite crucial important
    """
    var words: Set<String> = []
    for text in [english, boilerplate] {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) { words.insert(String(word)) }
    }
    return words
}()
