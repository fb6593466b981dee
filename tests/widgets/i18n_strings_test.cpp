// The engine's sentences in Chinese contain no English words (issue 6: "nothing user-visible is
// assembled from English fragments"). The core writes notes and errors as typed ids with named
// arguments; the models translate the template and fill the arguments in. An English word can
// still slip through an argument: a reason ("why"), an expected type, a word such as "even". So:
//  - every catalogued template (contexts closelab::Notes, closelab::NoteWhy, closelab::Errors)
//    translated to Chinese has no English word once its placeholders are filled;
//  - every note of every built-in scenario (and of its "try" variations, on every kernel profile)
//    rendered in Chinese has none;
//  - every error path of the scenario reader and the JSON parser, and every option error, read
//    in Chinese has none besides the data the user wrote (field names and values, which are
//    removed before the check);
//  - the core's sources pass no phrase argument as an unmarked literal.
//
// "English word" (the same principle as i18n_language_switch_test): a run of three or more ASCII
// letters that is not a technical token. Technical tokens: identifiers and code (containing _ . /
// = # @ or a digit: TIME_WAIT, net.ipv4.tcp_tw_reuse, 127.x, NAME=VALUE), function calls
// (connect()), command-line flags (--set), all-capital names (FIN, PAWS, EADDRINUSE, IPv4's
// kin), CamelCase kernel counters (TWRecycled), JSON literals (true, false, null), ASCII-quoted
// JSON ("nat"), text quoted verbatim in Chinese quotation marks (“hold”, the user's own input),
// and a few proper nouns that Chinese technical writing keeps in Latin letters.
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

#include <set>

#include "core/error.h"
#include "core/error_catalog.h"
#include "core/load/load_host_params.h"
#include "core/load/load_spec.h"
#include "core/note.h"
#include "core/note_catalog.h"
#include "core/options.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "latin_words.h"
#include "models/language_manager.h"
#include "models/note_context.h"
#include "models/note_text.h"

using closelab::models::LanguageManager;
namespace core = closelab::core;

namespace {

const QStringList& properNouns() {
    static const QStringList list{
        QStringLiteral("Linux"), QStringLiteral("closelab"), QStringLiteral("sysctl"),
        QStringLiteral("netstat"), QStringLiteral("errno"), QStringLiteral("Web"),
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
        // Capture formats: file formats and libpcap's "Linux cooked" link type.
        QStringLiteral("pcap"), QStringLiteral("pcapng"), QStringLiteral("cooked")};
    return list;
}

// The English words of a Chinese text (see the file comment for what is not one).
QStringList englishWords(QString text) {
    static const QRegularExpression verbatim(QStringLiteral("“[^”]*”|\"[^\"]*\""));
    text.remove(verbatim);
    static const QRegularExpression codeRe(QStringLiteral(R"([_./=#@\d]|^--|[A-Za-z]\()"));
    return closelab::widgets::test::latinWords(text, codeRe, properNouns());
}

bool hasCjk(const QString& text) {
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// A Chinese error message minus what the user wrote: the data arguments (field names, values,
// host names) and the file name. Longest first, so "client2" goes before "client".
QString withoutUserData(QString text, const core::InputError& e) {
    QStringList data;
    for (const auto& [name, value] : e.args()) {
        if (core::isErrorPhraseArg(name) || value.empty())
            continue;
        data << fromStd(value);
        // A list ({allowed}, {hosts}) reaches Chinese re-joined with "、": its items are data.
        if (name == "allowed" || name == "hosts")
            data << fromStd(value).split(QRegularExpression(QStringLiteral(",? ")),
                                         Qt::SkipEmptyParts);
    }
    if (!e.source().empty())
        data << fromStd(e.source());
    std::sort(data.begin(), data.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    // Whole tokens only: a socket named "c" must not cut words of the sentence apart.
    for (const QString& d : data) {
        const QRegularExpression token(u"(?<![A-Za-z0-9_])" + QRegularExpression::escape(d) +
                                       u"(?![A-Za-z0-9_])");
        text.replace(token, QStringLiteral(" 0 "));
    }
    return text;
}

struct CatalogueEntry {
    QString context;
    QString source;
};

// Every message of the engine's contexts in the Chinese catalogue.
QList<CatalogueEntry> engineCatalogue() {
    QFile file(QStringLiteral(CLOSELAB_SOURCE_ROOT "/translations/closelab_zh_CN.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<CatalogueEntry> out;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"source" && context.startsWith(u"closelab::") &&
                 (context == u"closelab::Notes" || context == u"closelab::NoteWhy" ||
                  context == u"closelab::Errors"))
            out.push_back({context, xml.readElementText()});
    }
    return out;
}

QString fillWithNumbers(QString text) {
    static const QRegularExpression placeholder(QStringLiteral("\\{[a-z_]+\\}"));
    return text.replace(placeholder, QStringLiteral("42"));
}

QStringList placeholders(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("\\{[a-z_]+\\}"));
    QStringList out;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    out.removeDuplicates();
    return out;
}

const char* kBase = R"("hosts": [{"name": "client", "address": "10.0.0.1"},
                                 {"name": "server", "address": "10.0.0.2"}])";
const char* kListen =
    R"({"at_ms": 0, "host": "server", "call": "listen", "sock": "l", "port": 80})";

// A scenario document with the given members after id and title.
QByteArray scenario(const QByteArray& members) {
    return "{\"id\": \"x\", \"title\": \"t\", " + members + "}";
}

QByteArray withHosts(const QByteArray& members) {
    return scenario(QByteArray(kBase) + ", " + members);
}

QByteArray timeline(const QByteArray& entries) {
    return withHosts("\"timeline\": [" + QByteArray(kListen) + ", " + entries + "]");
}

QByteArray faults(const QByteArray& list) {
    return withHosts("\"timeline\": [" + QByteArray(kListen) + "], \"faults\": " + list);
}

QByteArray beats(const QByteArray& list) {
    return withHosts("\"timeline\": [" + QByteArray(kListen) + "], \"beats\": " + list);
}

}  // namespace

class I18nStringsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void principleFindsEnglishWordsOnly_data();
    void principleFindsEnglishWordsOnly();
    void everyEngineTemplateReadsInChinese();
    void everyNoteVariantIsCatalogued();
    void builtInNotesReadInChinese();
    void modelsEnglishIsTheCoreEnglish();
    void englishCountsAgreeWithTheirNumber();
    void countedNotesReadForOneAndMany_data();
    void countedNotesReadForOneAndMany();
    void scenarioErrorsReadInChinese_data();
    void scenarioErrorsReadInChinese();
    void optionErrorsReadInChinese();
    void coreSourcesMarkEveryPhrase();
    void errorListsTakeTheLanguagesSeparator();

private:
    LanguageManager* m_languages = nullptr;
};

void I18nStringsTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_languages = new LanguageManager(this);
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
}

void I18nStringsTest::principleFindsEnglishWordsOnly_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("english");
    QTest::newRow("identifiers")
        << QStringLiteral(
               "客户端：TIME_WAIT 中 net.ipv4.tcp_tw_reuse=1，connect() 返回 EADDRNOTAVAIL，"
               "TWRecycled 加 1，--set 可改")
        << QStringList();
    QTest::newRow("quoted input") << QStringLiteral("字段“call”的值“dance”无效") << QStringList();
    QTest::newRow("json") << QStringLiteral("设置了 \"nat\": true 的主机") << QStringList();
    QTest::newRow("parity word") << QStringLiteral("选用本地端口 40000（even）连接")
                                 << QStringList{QStringLiteral("even")};
    QTest::newRow("ascii parentheses")
        << QStringLiteral("被丢弃 (out of window)")
        << QStringList{QStringLiteral("out"), QStringLiteral("window")};
    QTest::newRow("reason") << QStringLiteral("取值无效：it must be between 1 and 65535")
                            << QStringList{QStringLiteral("must"), QStringLiteral("between"),
                                           QStringLiteral("and")};
}

void I18nStringsTest::principleFindsEnglishWordsOnly() {
    QFETCH(QString, text);
    QFETCH(QStringList, english);
    QCOMPARE(englishWords(text), english);
}

void I18nStringsTest::everyEngineTemplateReadsInChinese() {
    const QList<CatalogueEntry> entries = engineCatalogue();
    QVERIFY(entries.size() > 150);
    QStringList problems;
    for (const auto& e : entries) {
        const QByteArray context = e.context.toUtf8();
        const QByteArray source = e.source.toUtf8();
        const QString zh = QCoreApplication::translate(context.constData(), source.constData());
        const QString shown = fillWithNumbers(zh);
        // Placeholders are kept verbatim: the arguments have to land somewhere.
        if (placeholders(zh) != placeholders(e.source))
            problems << e.context + u": placeholders differ: " + zh;
        const QStringList english = englishWords(shown);
        if (!english.isEmpty())
            problems << e.context + u": " + zh + u"  [" + english.join(u' ') + u']';
        else if (!englishWords(fillWithNumbers(e.source)).isEmpty() && !hasCjk(zh))
            problems << e.context + u": not translated: " + e.source;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void I18nStringsTest::everyNoteVariantIsCatalogued() {
    // The variant sentences (port parity, why an old segment was dropped, ...) are looked up by
    // the same translator as the base templates.
    int variants = 0;
    for (std::size_t i = 0; i < core::kNoteCount; ++i) {
        const auto id = static_cast<core::NoteId>(i);
        for (const char* text : core::noteVariantTemplatesEn(id)) {
            ++variants;
            const QString zh = QCoreApplication::translate("closelab::Notes", text);
            QVERIFY2(hasCjk(zh), text);
            QCOMPARE(placeholders(zh), placeholders(QString::fromUtf8(text)));
        }
    }
    QVERIFY(variants >= 7);
    // A note that carries a word-like argument gets its whole sentence.
    core::Note even;
    even.id = core::NoteId::PortChosen;
    even.args = {{"host", "client"},
                 {"port", "40000"},
                 {"parity", "even"},
                 {"remote", "10.0.0.2:80"},
                 {"probes", "1"}};
    QVERIFY(QString::fromUtf8(core::noteTemplateEn(even)).contains(u"even local port"));
    QVERIFY2(closelab::models::noteSentence(even).contains(QStringLiteral("偶数")),
             qPrintable(closelab::models::noteSentence(even)));
    QCOMPARE(core::renderNoteEn(even),
             std::string("client: connect() picks the even local port 40000 towards "
                         "10.0.0.2:80 (candidates tried: 1)"));
}

void I18nStringsTest::builtInNotesReadInChinese() {
    QStringList problems;
    std::set<core::NoteId> seen;
    int notes = 0;
    for (const auto& builtin : core::builtinScenarios()) {
        const core::Scenario scenario = core::builtinScenario(builtin.id);
        // The scenario as shipped, each of its "try" variations, and the other kernel profiles
        // (where the scenario's options exist there).
        std::vector<core::RunConfig> configs(1);
        for (const auto& t : scenario.tryOverrides) {
            core::RunConfig c;
            c.overrides.push_back(core::parseOverride(t));
            configs.push_back(c);
        }
        for (const auto profile : core::kAllProfiles) {
            core::RunConfig c;
            c.kernel = profile;
            configs.push_back(c);
        }
        for (const auto& config : configs) {
            core::Recording rec;
            try {
                rec = core::simulate(scenario, config);
            } catch (const core::InputError&) {
                continue;  // e.g. tcp_tw_recycle on linux-6: the error is tested below
            }
            const closelab::models::NoteContext context(rec);
            for (const auto& note : rec.notes) {
                ++notes;
                seen.insert(note.id);
                for (const QString& text : {closelab::models::noteSentence(note, context),
                                            closelab::models::noteWhy(note, context)}) {
                    const QStringList english = englishWords(text);
                    if (!english.isEmpty() || !placeholders(text).isEmpty())
                        problems << QString::fromUtf8(builtin.id.data(),
                                                      qsizetype(builtin.id.size())) +
                                        u": " + text + u"  [" + english.join(u' ') + u']';
                }
            }
        }
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(notes > 500);
    // The notes that once carried English words are among those checked.
    QVERIFY(seen.count(core::NoteId::PortChosen) == 1);
    QVERIFY(seen.count(core::NoteId::StrayDropped) == 1);
    QVERIFY(seen.size() >= 35);
}

void I18nStringsTest::modelsEnglishIsTheCoreEnglish() {
    // The models pick the same sentence (variant included) as the core's English rendering
    // that the CLI and the JSON "text" field show.
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    int compared = 0;
    for (const auto& builtin : core::builtinScenarios()) {
        const core::Recording rec = core::simulate(core::builtinScenario(builtin.id), {});
        for (const auto& note : rec.notes) {
            QCOMPARE(closelab::models::noteSentence(note),
                     QString::fromStdString(core::renderNoteEn(note)));
            ++compared;
        }
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    QVERIFY(compared > 100);
}

// Every note sentence in English with one of its arguments set to 1 (the others to a word): no
// "1 bytes", "1 retries", "1 timewait sockets exist". The nouns are the things notes count. The
// error templates are left out: their numbers are bounds ("more than {max} attempts"), never 1.
void I18nStringsTest::englishCountsAgreeWithTheirNumber() {
    static const QRegularExpression name(QStringLiteral(R"(\{([a-z_]+)[}|])"));
    static const QRegularExpression oneMany(QStringLiteral(
        R"((?<![\w#.:-])1 (?:(?![a-z]+s )[a-z]+ )?(bytes|retries|retransmissions|SYNs|sockets|)"
        R"(ports|segments|attempts|connections|probes|candidates|hosts)\b|)"
        R"(\b1 (?:[a-z]+ )?[a-z]+ (are|exist)\b)"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    std::vector<const char*> templates;
    for (std::size_t i = 0; i < core::kNoteCount; ++i) {
        const auto id = static_cast<core::NoteId>(i);
        templates.push_back(core::noteTemplateEn(id));
        for (const char* text : core::noteVariantTemplatesEn(id))
            templates.push_back(text);
    }
    QStringList problems;
    int rendered = 0;
    for (const char* text : templates) {
        QStringList names;
        for (auto it = name.globalMatch(QString::fromUtf8(text)); it.hasNext();)
            names << it.next().captured(1);
        names.removeDuplicates();
        for (const QString& one : std::as_const(names)) {
            std::vector<std::pair<std::string, std::string>> args;
            for (const QString& n : std::as_const(names))
                args.emplace_back(n.toStdString(), n == one ? "1" : "x");
            // The CLI's English (the core renders without Qt) and the app's English.
            const QString cli = fromStd(core::substituteArgs(text, args));
            const QString app = closelab::models::fillPlaceholders(
                QCoreApplication::translate("closelab::Notes", text), args);
            QCOMPARE(app, cli);
            ++rendered;
            if (const auto m = oneMany.match(cli); m.hasMatch())
                problems << cli + u"  [" + m.captured() + u']';
            if (cli.contains(u'|'))
                problems << cli + u"  [a selector is left]";
        }
    }
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(rendered > 100);
}

void I18nStringsTest::countedNotesReadForOneAndMany_data() {
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("english");
    const auto row = [](const char* tag, core::NoteId id, const char* count, const char* en) {
        QTest::newRow(tag) << int(id) << QString::fromLatin1(count) << QString::fromUtf8(en);
    };
    row("unread 1", core::NoteId::RstUnreadData, "1",
        "h1: close() with 1 unread byte: RST instead of FIN, no TIME_WAIT");
    row("unread 2", core::NoteId::RstUnreadData, "2",
        "h1: close() with 2 unread bytes: RST instead of FIN, no TIME_WAIT");
    row("unread 0", core::NoteId::RstUnreadData, "0",
        "h1: close() with 0 unread bytes: RST instead of FIN, no TIME_WAIT");
    row("linger 1", core::NoteId::LingerZeroRst, "1",
        "h1: SO_LINGER {1,0}: close() sends RST, discards 1 byte, no TIME_WAIT");
    row("received 1", core::NoteId::DataReceived, "1", "h1: 1 byte received on c");
    row("received 11", core::NoteId::DataReceived, "11", "h1: 11 bytes received on c");
    row("give up 1", core::NoteId::RetransmitGiveUp, "1",
        "h1: gives up after 600 ms of retransmissions (1 retry): socket destroyed, no RST");
    row("give up 15", core::NoteId::RetransmitGiveUp, "15",
        "h1: gives up after 600 ms of retransmissions (15 retries): socket destroyed, no RST");
    row("overflow 1", core::NoteId::TimeWaitOverflow, "1",
        "h1: 1 timewait socket exists (tcp_max_tw_buckets): a <-> b skips TIME_WAIT silently");
    row("overflow 0", core::NoteId::TimeWaitOverflow, "0",
        "h1: 0 timewait sockets exist (tcp_max_tw_buckets): a <-> b skips TIME_WAIT "
        "silently");
}

void I18nStringsTest::countedNotesReadForOneAndMany() {
    QFETCH(int, id);
    QFETCH(QString, count);
    QFETCH(QString, english);
    const std::string n = count.toStdString();
    const core::Note note{0,
                          core::NoteId(id),
                          {{"host", "h1"},
                           {"sock", "c"},
                           {"local", "a"},
                           {"remote", "b"},
                           {"state", "TIME_WAIT"},
                           {"ms", "600"},
                           {"bytes", n},
                           {"retries", n},
                           {"max", n}}};
    QCOMPARE(fromStd(core::renderNoteEn(note)), english);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    QCOMPARE(closelab::models::noteSentence(note), english);
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    // Chinese has no plural: the number alone, no selector and no English word left.
    const QString zh = closelab::models::noteSentence(note);
    QVERIFY2(zh.contains(count) && !zh.contains(u'|'), qPrintable(zh));
    QVERIFY2(englishWords(zh).isEmpty(), qPrintable(zh));
}

void I18nStringsTest::scenarioErrorsReadInChinese_data() {
    QTest::addColumn<QByteArray>("json");
    // JSON syntax.
    QTest::newRow("json end") << QByteArray(R"({"id":)");
    QTest::newRow("json member name") << QByteArray(R"({"id": "x",})");
    QTest::newRow("json comma or brace") << QByteArray(R"({"a": 1 "b": 2})");
    QTest::newRow("json comma or bracket") << QByteArray(R"({"a": [1 2]})");
    QTest::newRow("json trailing text") << QByteArray(R"({"a": 1} x)");
    QTest::newRow("json character") << QByteArray(R"({"a": tru})");
    QTest::newRow("json fraction") << QByteArray(R"({"a": 1.})");
    QTest::newRow("json exponent") << QByteArray(R"({"a": 1e})");
    QTest::newRow("json digit") << QByteArray(R"({"a": -})");
    QTest::newRow("json out of range") << QByteArray(R"({"a": 1e999})");
    QTest::newRow("json unterminated") << QByteArray(R"({"a": "x)");
    QTest::newRow("json escape") << QByteArray(R"({"a": "\q"})");
    QTest::newRow("json u escape") << QByteArray(R"({"a": "\u12"})");
    QTest::newRow("json surrogate") << QByteArray(R"({"a": "\ud800"})");
    QTest::newRow("json control") << QByteArray("{\"a\": \"\x01\"}");
    QTest::newRow("json duplicate") << QByteArray(R"({"a": 1, "a": 2})");
    QTest::newRow("json colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("json depth") << QByteArray(100, '[');
    // The document.
    QTest::newRow("document") << QByteArray("[]");
    QTest::newRow("unknown field") << scenario(R"("foo": 1)");
    QTest::newRow("id type") << QByteArray(R"({"id": 5})");
    QTest::newRow("id missing") << QByteArray(R"({"title": "t"})");
    QTest::newRow("id empty") << QByteArray(R"({"id": "", "title": "t"})");
    QTest::newRow("title en missing") << QByteArray(R"({"id": "x", "title": {"zh_CN": "t"}})");
    QTest::newRow("title type") << QByteArray(R"({"id": "x", "title": 5})");
    QTest::newRow("kernel") << scenario(R"("kernel": "bsd")");
    QTest::newRow("duration zero") << scenario(R"("duration_ms": 0)");
    QTest::newRow("duration type") << scenario(R"("duration_ms": "long")");
    QTest::newRow("duration range") << scenario(R"("duration_ms": 1e12)");
    // Hosts.
    QTest::newRow("hosts missing") << scenario(R"("timeline": [])");
    QTest::newRow("hosts type") << scenario(R"("hosts": {})");
    QTest::newRow("hosts too few") << scenario(R"("hosts": [])");
    QTest::newRow("hosts objects") << scenario(R"("hosts": [1, 2])");
    QTest::newRow("host name missing")
        << scenario(R"("hosts": [{"address": "10.0.0.1"}, {"address": "10.0.0.2"}])");
    QTest::newRow("host role") << scenario(
        R"("hosts": [{"name": "bob", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.2"}])");
    QTest::newRow("host duplicate") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "client", "address": "10.0.0.2"}])");
    QTest::newRow("host address missing")
        << scenario(R"("hosts": [{"name": "client"}, {"name": "server"}])");
    QTest::newRow("host address") << scenario(
        R"("hosts": [{"name": "client", "address": "ten"}, {"name": "server", "address": "10.0.0.2"}])");
    QTest::newRow("host address duplicate") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1"}, {"name": "server", "address": "10.0.0.1"}])");
    QTest::newRow("host nat type") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1", "nat": "yes"}, {"name": "server", "address": "10.0.0.2"}])");
    QTest::newRow("host clock") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1", "ts_clock_ms": -1}, {"name": "server", "address": "10.0.0.2"}])");
    QTest::newRow("host via") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1", "via": "server"}, {"name": "server", "address": "10.0.0.2"}])");
    QTest::newRow("host via unknown") << scenario(
        R"("hosts": [{"name": "client", "address": "10.0.0.1", "via": "nat"}, {"name": "server", "address": "10.0.0.2"}])");
    // Links.
    QTest::newRow("link type") << withHosts(R"("link": [])");
    QTest::newRow("link delay type") << withHosts(R"("link": {"delay_ms": "x"})");
    QTest::newRow("link delay range") << withHosts(R"("link": {"delay_ms": 1e9})");
    QTest::newRow("link loss range") << withHosts(R"("link": {"loss": 2})");
    QTest::newRow("link loss type") << withHosts(R"("link": {"loss": "x"})");
    QTest::newRow("links type") << withHosts(R"("links": {})");
    QTest::newRow("links objects") << withHosts(R"("links": [1])");
    QTest::newRow("links between missing") << withHosts(R"("links": [{}])");
    QTest::newRow("links between type") << withHosts(R"("links": [{"between": "x"}])");
    QTest::newRow("links between host") << withHosts(R"("links": [{"between": ["client", "db"]}])");
    // Options.
    QTest::newRow("options type") << withHosts(R"("options": [])");
    QTest::newRow("option value type")
        << withHosts(R"("options": {"net.ipv4.tcp_fin_timeout": []})");
    QTest::newRow("option host") << withHosts(R"("options": {"db.SO_LINGER": "1,0"})");
    QTest::newRow("option value") << withHosts(R"("options": {"net.ipv4.tcp_fin_timeout": "abc"})");
    QTest::newRow("option absent")
        << withHosts(R"("kernel": "linux-6", "options": {"net.ipv4.tcp_tw_recycle": 1})");
    QTest::newRow("option unknown") << withHosts(R"("options": {"net.ipv4.tcp_magic": 1})");
    QTest::newRow("option syntax") << withHosts(R"("options": {"=": 1})");
    // Timeline.
    QTest::newRow("timeline missing") << withHosts(R"("link": {})");
    QTest::newRow("timeline type") << withHosts(R"("timeline": {})");
    QTest::newRow("timeline objects") << withHosts(R"("timeline": [1])");
    QTest::newRow("at missing") << timeline(R"({"host": "client"})");
    QTest::newRow("host missing") << timeline(R"({"at_ms": 1})");
    QTest::newRow("host unknown") << timeline(R"({"at_ms": 1, "host": "db"})");
    QTest::newRow("call missing") << timeline(R"({"at_ms": 1, "host": "client"})");
    QTest::newRow("call unknown") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "dance", "sock": "c"})");
    // A value that looks like a placeholder is shown as written, not expanded.
    QTest::newRow("call placeholder")
        << timeline(R"({"at_ms": 1, "host": "client", "call": "{why}", "sock": "c"})");
    QTest::newRow("sock missing") << timeline(R"({"at_ms": 1, "host": "client", "call": "close"})");
    QTest::newRow("sock empty") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "close", "sock": ""})");
    QTest::newRow("listen port") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "listen", "sock": "c"})");
    QTest::newRow("port range") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "listen", "sock": "c", "port": 0})");
    QTest::newRow("port type") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "listen", "sock": "c", "port": 1.5})");
    QTest::newRow("connect to") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "connect", "sock": "c"})");
    QTest::newRow("connect port") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "connect", "sock": "c", "to": "server"})");
    QTest::newRow("connect self") << timeline(
        R"({"at_ms": 1, "host": "client", "call": "connect", "sock": "c", "to": "client", "port": 80})");
    QTest::newRow("accept listener")
        << timeline(R"({"at_ms": 1, "host": "server", "call": "accept", "sock": "s"})");
    QTest::newRow("accept unknown") << timeline(
        R"({"at_ms": 1, "host": "server", "call": "accept", "sock": "s", "listener": "q"})");
    QTest::newRow("send bytes") << timeline(
        R"({"at_ms": 1, "host": "server", "call": "send", "sock": "l"})");
    QTest::newRow("send zero") << timeline(
        R"({"at_ms": 1, "host": "server", "call": "send", "sock": "l", "bytes": 0})");
    QTest::newRow("auto_read type") << timeline(
        R"({"at_ms": 1, "host": "server", "call": "recv", "sock": "l", "auto_read": 1})");
    QTest::newRow("unknown socket")
        << timeline(R"({"at_ms": 1, "host": "client", "call": "close", "sock": "c"})");
    QTest::newRow("socket options") << timeline(
        R"({"at_ms": 1, "host": "server", "call": "close", "sock": "l", "options": {"SO_LINGER": "on"}})");
    QTest::newRow("repeat steps missing") << timeline(R"({"repeat": 2})");
    QTest::newRow("repeat count") << timeline(R"({"repeat": 0, "steps": []})");
    QTest::newRow("repeat steps type") << timeline(R"({"repeat": 2, "steps": {}})");
    QTest::newRow("repeat steps objects") << timeline(R"({"repeat": 2, "steps": [1]})");
    // Faults.
    QTest::newRow("faults type") << faults("{}");
    QTest::newRow("faults objects") << faults("[1]");
    QTest::newRow("fault action missing") << faults("[{}]");
    QTest::newRow("fault action") << faults(R"([{"action": "zap"}])");
    QTest::newRow("fault flags type") << faults(R"([{"action": "drop", "flags": "FIN"}])");
    QTest::newRow("fault flag") << faults(R"([{"action": "drop", "flags": ["XYZ"]}])");
    QTest::newRow("fault hold") << faults(R"([{"action": "hold"}])");
    QTest::newRow("fault nth") << faults(R"([{"action": "drop", "nth": 0}])");
    QTest::newRow("fault data type") << faults(R"([{"action": "drop", "data": 1}])");
    QTest::newRow("fault from") << faults(R"([{"action": "drop", "from": "db"}])");
    // Try.
    QTest::newRow("try type") << withHosts("\"timeline\": [" + QByteArray(kListen) +
                                           "], \"try\": {}");
    QTest::newRow("try syntax") << withHosts("\"timeline\": [" + QByteArray(kListen) +
                                             "], \"try\": [\"oops\"]");
    // Lesson beats.
    QTest::newRow("beats type") << beats(R"({})");
    QTest::newRow("beat caption missing") << beats(R"([{"at_ms": 1}])");
    QTest::newRow("beat caption empty") << beats(R"([{"at_ms": 1, "caption": {"en": ""}}])");
    QTest::newRow("beat time missing") << beats(R"([{"caption": "c"}])");
    QTest::newRow("beat order") << beats(
        R"([{"at_ms": 20, "caption": "b"}, {"at_ms": 10, "caption": "a"}])");
    QTest::newRow("beat on type") << beats(R"([{"on": 1, "caption": "c"}])");
    QTest::newRow("beat on two") << beats(
        R"([{"on": {"segment": {}, "app": {"host": "server", "call": "close"}}, "caption": "c"}])");
    QTest::newRow("beat transition host missing")
        << beats(R"([{"on": {"transition": {"to": "CLOSED"}}, "caption": "c"}])");
    QTest::newRow("beat transition state")
        << beats(R"([{"on": {"transition": {"host": "server", "to": "GONE"}}, "caption": "c"}])");
    QTest::newRow("beat app call missing")
        << beats(R"([{"on": {"app": {"host": "server"}}, "caption": "c"}])");
    QTest::newRow("beat focus type") << beats(R"([{"at_ms": 1, "caption": "c", "focus": {}}])");
}

void I18nStringsTest::scenarioErrorsReadInChinese() {
    QFETCH(QByteArray, json);
    std::optional<core::InputError> error;
    try {
        core::parseScenario(std::string_view(json.constData(), std::size_t(json.size())),
                            "broken.json");
    } catch (const core::InputError& e) {
        error = e;
    }
    QVERIFY2(error, "the file is accepted");
    QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
    // The models' English is the core's English (phrases and their placeholders included).
    QCOMPARE(closelab::models::errorMessage(*error), QString::fromUtf8(error->what()));
    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
    const QString zh = closelab::models::errorMessage(*error);
    QVERIFY2(hasCjk(zh), qPrintable(zh));
    const QString translated = withoutUserData(zh, *error);
    QVERIFY2(placeholders(translated).isEmpty(), qPrintable(zh));
    const QStringList english = englishWords(translated);
    QVERIFY2(english.isEmpty(), qPrintable(zh + u"  [" + english.join(u' ') + u']'));
}

void I18nStringsTest::optionErrorsReadInChinese() {
    // Every option on every profile: the reason an option is absent, and a value it refuses.
    QStringList problems;
    int checked = 0;
    for (const auto& spec : core::optionRegistry()) {
        for (const auto profile : core::kAllProfiles) {
            for (const char* value : {"abc", "-1", "99999999999", "1 2 3", ""}) {
                try {
                    core::parseOptionValue(spec.name, value, profile);
                } catch (const core::InputError& e) {
                    ++checked;
                    const QString zh = closelab::models::errorMessage(e);
                    const QStringList english = englishWords(withoutUserData(zh, e));
                    if (!english.isEmpty() || !hasCjk(zh))
                        problems << zh + u"  [" + english.join(u' ') + u']';
                }
            }
        }
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(checked > 100);
}

void I18nStringsTest::coreSourcesMarkEveryPhrase() {
    // A phrase argument ({why}, {expected}, {where}, {message}) passed as a bare literal would
    // reach the Chinese window in English; so would a bare literal handed to the scenario
    // reader's expect()/require() or the JSON parser's fail(). Mark it with
    // QT_TRANSLATE_NOOP("closelab::Errors", ...) instead.
    static const QRegularExpression phraseArg(
        QStringLiteral(R"re(\{\s*"(why|expected|where|message)"\s*,\s*")re"));
    static const QRegularExpression helperLiteral(
        QStringLiteral(R"re(\b(expect|require|fail)\((?:[^;]*?,\s*)?"(?:[^"\\]|\\.)*"\s*\))re"));
    QStringList problems;
    const QDir root(QStringLiteral(CLOSELAB_SOURCE_ROOT "/src/core"));
    QStringList files;
    for (QDirIterator it(root.path(), {QStringLiteral("*.cpp")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        files << root.relativeFilePath(it.next());
    QVERIFY(files.contains(QStringLiteral("scenario.cpp")));
    for (const QString& file : files) {
        QFile f(root.filePath(file));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QString text = QString::fromUtf8(f.readAll());
        for (const auto* re : {&phraseArg, &helperLiteral}) {
            for (auto it = re->globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                if (m.captured().contains(u"QT_TRANSLATE_NOOP"))
                    continue;
                const int line = int(text.left(m.capturedStart()).count(u'\n')) + 1;
                problems << QStringLiteral("src/core/%1:%2: %3")
                                .arg(file)
                                .arg(line)
                                .arg(m.captured().left(80));
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void I18nStringsTest::errorListsTakeTheLanguagesSeparator() {
    // The core joins {allowed} and {hosts} with ", " (or spaces, for the scenario's call names);
    // Chinese lists them with "、", English keeps the core's (and the CLI's) text.
    std::vector<core::InputError> errors;
    try {
        core::parseOptionValue("net.ipv4.tcp_tw_reuse", "abc", core::KernelProfile::Linux6);
    } catch (const core::InputError& e) {
        errors.push_back(e);
    }
    try {
        core::parseScenario(
            timeline(R"({"at_ms": 1, "host": "client", "call": "dance", "sock": "c"})")
                .toStdString(),
            "calls.json");
    } catch (const core::InputError& e) {
        errors.push_back(e);
    }
    core::LoadSpec spec;
    spec.count = 1;
    spec.settings.emplace_back("web.net.ipv4.tcp_fin_timeout", "3");
    try {
        core::resolveLoadHostParams(spec);
    } catch (const core::InputError& e) {
        errors.push_back(e);
    }
    QCOMPARE(errors.size(), std::size_t(3));
    const QStringList zhLists = {
        QStringLiteral("0、1、2"),
        QStringLiteral("listen、connect、accept、send、recv、shutdown、close"),
        QStringLiteral("client、server")};
    const QStringList enLists = {QStringLiteral("0, 1, 2"),
                                 QStringLiteral("listen connect accept send recv shutdown close"),
                                 QStringLiteral("client, server")};
    for (std::size_t i = 0; i < errors.size(); ++i) {
        QVERIFY(m_languages->setLanguage(QStringLiteral("en"), false));
        const QString en = closelab::models::errorMessage(errors[i]);
        QCOMPARE(en, QString::fromUtf8(errors[i].what()));
        QVERIFY2(en.contains(enLists[qsizetype(i)]), qPrintable(en));
        QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN"), false));
        const QString zh = closelab::models::errorMessage(errors[i]);
        QVERIFY2(zh.contains(zhLists[qsizetype(i)]), qPrintable(zh));
        QVERIFY2(!zh.contains(u", "), qPrintable(zh));
    }
}

QTEST_GUILESS_MAIN(I18nStringsTest)
#include "i18n_strings_test.moc"
