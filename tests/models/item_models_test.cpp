#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <set>

#include "core/load/load_model.h"
#include "models/counters_model.h"
#include "models/note_text.h"
#include "models/notes_model.h"
#include "models/scenario_list_model.h"
#include "models/socket_table_model.h"
#include "models/state_series_model.h"
#include "models/trace_filter_model.h"
#include "models/trace_model.h"
#include "test_recordings.h"
#include "test_support.h"

using namespace closelab;
using models::CountersModel;
using models::NotesModel;
using models::ScenarioListModel;
using models::SocketTableModel;
using models::StateSeriesModel;
using models::TraceFilterModel;
using models::TraceModel;

namespace {

int countFlag(const core::Recording& rec, std::uint8_t flag) {
    int n = 0;
    for (const auto& s : rec.segments)
        n += (s.flags & flag) ? 1 : 0;
    return n;
}

}  // namespace

class ItemModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { tests::installStrictMessageHandler(); }

    void scenarioListGroupsEveryBuiltinByTopic() {
        ScenarioListModel model;
        QAbstractItemModelTester tester(&model);
        QCOMPARE(model.loadBuiltins(), int(core::builtinScenarios().size()));
        QCOMPARE(model.scenarioCount(), int(core::builtinScenarios().size()));
        std::set<std::string> topics;
        for (const auto& b : core::builtinScenarios())
            topics.insert(core::parseScenario(b.json, b.id).topic);
        QCOMPARE(model.rowCount(), int(topics.size()));
        for (int t = 0; t < model.rowCount(); ++t) {
            const QModelIndex topic = model.index(t, 0);
            QVERIFY(model.data(topic, ScenarioListModel::IsTopicRole).toBool());
            QVERIFY(model.rowCount(topic) > 0);
            QVERIFY(!model.data(topic).toString().isEmpty());
        }
        const QModelIndex normal = model.indexOfId(QStringLiteral("normal-close"));
        QVERIFY(normal.isValid());
        QCOMPARE(model.scenarioId(normal), QStringLiteral("normal-close"));
        QVERIFY(!model.data(normal, ScenarioListModel::DescriptionRole).toString().isEmpty());
        QVERIFY(model.data(normal, ScenarioListModel::IsBuiltinRole).toBool());
    }

    void scenarioTextsFollowTheLanguageAndFallBack() {
        ScenarioListModel model;
        QAbstractItemModelTester tester(&model);
        model.loadBuiltins();
        const QModelIndex normal = model.indexOfId(QStringLiteral("normal-close"));
        const QString en = model.data(normal).toString();
        QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
        model.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(spy.count() > 0);
        const QString zh = model.data(normal).toString();
        QVERIFY(zh != en);
        QVERIFY(std::any_of(zh.begin(), zh.end(), [](QChar c) { return c.unicode() >= 0x4e00; }));

        // A user's file with only English falls back to English in Chinese mode.
        core::Scenario user = core::builtinScenario("normal-close");
        user.id = "my-own";
        user.title = {"Only English", ""};
        QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
        const QModelIndex added = model.addScenario(user, QStringLiteral("/tmp/my-own.json"));
        QVERIFY(rows.count() >= 1);
        QCOMPARE(model.data(added).toString(), QStringLiteral("Only English"));
        QCOMPARE(model.data(added, ScenarioListModel::IsBuiltinRole).toBool(), false);
        // Adding the same id again replaces it in place.
        rows.clear();
        user.title = {"Renamed", ""};
        model.addScenario(user, QStringLiteral("/tmp/my-own.json"));
        QCOMPARE(rows.count(), 0);
        QCOMPARE(model.data(model.indexOfId(QStringLiteral("my-own"))).toString(),
                 QStringLiteral("Renamed"));
    }

    void traceListsEverySegmentAndTracksTheCursor() {
        const auto rec = tests::runBuiltin("normal-close");
        TraceModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecording(rec);
        QCOMPARE(model.rowCount(), int(rec->segments.size()));
        QCOMPARE(model.columnCount(), int(TraceModel::ColumnCount));
        QVERIFY(!model.headerData(TraceModel::FlagsColumn, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(model.data(model.index(0, 0), TraceModel::TimeUsRole).toLongLong(),
                 rec->segments[0].tUs);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const qint64 mid = rec->segments[2].tUs;
        model.setCurrentTime(mid);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowAtTime(mid), 2);
        QVERIFY(model.data(model.index(2, 0), TraceModel::IsCurrentRole).toBool());
        QVERIFY(!model.data(model.index(3, 0), TraceModel::IsPastRole).toBool());
        model.setCurrentTime(mid);  // no change, no signal
        QCOMPARE(changed.count(), 1);
    }

    void traceFilterKeepsOnlyMatchingSegments() {
        const auto rec = tests::runBuiltin("lost-final-ack");
        TraceModel model;
        model.setRecording(rec);
        TraceFilterModel filter;
        QAbstractItemModelTester tester(&filter);
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), model.rowCount());
        filter.setFlagFilter(QStringLiteral("FIN"));
        QCOMPARE(filter.rowCount(), countFlag(*rec, core::kFin));
        filter.setFlagFilter({});
        // The scripted fault drops the client's final ACK.
        filter.setFateFilter(QStringLiteral("dropped"));
        QVERIFY(filter.rowCount() >= 1);
        for (int r = 0; r < filter.rowCount(); ++r)
            QCOMPARE(filter.data(filter.index(r, 0), TraceModel::FateKeyRole).toString(),
                     QStringLiteral("dropped"));
        filter.setFateFilter({});
        filter.setHostFilter(QStringLiteral("nobody"));
        QCOMPARE(filter.rowCount(), 0);
        filter.setHostFilter(QStringLiteral("client"));
        QCOMPARE(filter.rowCount(), model.rowCount());  // every segment touches the client
        filter.setTextFilter(QStringLiteral("no such text"));
        QCOMPARE(filter.rowCount(), 0);
    }

    void socketTableShowsTimeWaitAtPlaybackTime() {
        const auto rec = tests::runBuiltin("normal-close");
        SocketTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecording(rec);
        // Find when the client enters TIME_WAIT and look just after it.
        qint64 tw = -1;
        for (const auto& t : rec->transitions) {
            if (t.host == "client" && t.to == core::TcpState::TimeWait) {
                tw = t.tUs;
                break;
            }
        }
        QVERIFY(tw >= 0);
        model.setCurrentTime(tw);
        model.setStateFilter(QStringLiteral("TIME_WAIT"));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, SocketTableModel::StateColumn);
        QCOMPARE(model.data(row).toString(), QStringLiteral("TIME_WAIT"));
        QCOMPARE(model.data(row, SocketTableModel::HostRole).toString(), QStringLiteral("client"));
        model.setHostFilter(QStringLiteral("server"));
        QCOMPARE(model.rowCount(), 0);
        model.setHostFilter({});
        model.setStateFilter({});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCurrentTime(rec->endUs);  // after 60 s: TIME_WAIT is gone
        model.setStateFilter(QStringLiteral("TIME_WAIT"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(reset.count() >= 1);
    }

    void countersGrowToTheRecordedFinalValues() {
        const auto rec = tests::runBuiltin("linger-zero");
        CountersModel model;
        QAbstractItemModelTester tester(&model);
        model.setRecording(rec);
        QCOMPARE(model.columnCount(), 1 + int(rec->hosts.size()));
        QVERIFY(model.rowCount() > 0);
        model.setCurrentTime(rec->endUs);
        for (int r = 0; r < model.rowCount(); ++r) {
            const auto mib = core::parseMib(
                model.data(model.index(r, 0), CountersModel::MibNameRole).toString().toStdString());
            QVERIFY(mib.has_value());
            for (int h = 0; h < int(rec->hosts.size()); ++h)
                QCOMPARE(model.data(model.index(r, 1 + h), CountersModel::ValueRole).toLongLong(),
                         qint64(rec->counters[std::size_t(h)].get(*mib)));
        }
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCurrentTime(0);
        QCOMPARE(changed.count(), 1);
        model.setShowAll(true);
        QCOMPARE(model.rowCount(), int(core::kMibCount));
    }

    void notesFollowTheCursorAndLinkTerms() {
        const auto rec = tests::runBuiltin("normal-close");
        NotesModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy current(&model, &NotesModel::currentChanged);
        model.setRecording(rec);
        QCOMPARE(model.rowCount(), int(rec->notes.size()));
        model.setCurrentTime(rec->endUs);
        QCOMPARE(model.currentRow(), model.rowCount() - 1);
        QVERIFY(!model.currentSentence().isEmpty());
        QVERIFY(current.count() >= 1);
        model.setCurrentTime(-1);
        QCOMPARE(model.currentRow(), -1);
        QVERIFY(model.currentSentence().isEmpty());
        const QString html = NotesModel::linkTerms(
            QStringLiteral("client enters TIME_WAIT; net.ipv4.tcp_tw_reuse <does> nothing"));
        QVERIFY(html.contains(QStringLiteral("<a href=\"glossary:TIME_WAIT\">TIME_WAIT</a>")));
        QVERIFY(html.contains(QStringLiteral("glossary:net.ipv4.tcp_tw_reuse")));
        QVERIFY(html.contains(QStringLiteral("&lt;does&gt;")));
    }

    void notesNameHostsAndSocketsAsTheWindowDoes() {
        // The engine's notes carry role ids ("server") and scenario socket labels ("s"); the
        // sentences must show the display name and the socket's addresses instead.
        const auto rec = tests::runBuiltin("lost-final-ack");
        const models::NoteContext context(*rec);
        const core::Note* received = nullptr;
        const core::Note* drop = nullptr;
        for (const auto& n : rec->notes) {
            if (n.id == core::NoteId::DataReceived && n.arg("host") == "server")
                received = &n;
            if (n.id == core::NoteId::SegmentDroppedByFault && drop == nullptr)
                drop = &n;
        }
        QVERIFY(received != nullptr);
        QCOMPARE(received->arg("sock"), std::string_view("s"));
        const QString sentence = models::noteSentence(*received, context);
        QVERIFY2(sentence.startsWith(QStringLiteral("Server: ")), qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("on 10.0.0.2:80 → 10.0.0.1:")),
                 qPrintable(sentence));
        QVERIFY2(!sentence.contains(QStringLiteral(" on s")), qPrintable(sentence));
        // Host names in other arguments ({from}/{to} of a link note) are display names too.
        QVERIFY(drop != nullptr);
        const QString dropText = models::noteSentence(*drop, context);
        QVERIFY2(dropText.contains(QStringLiteral("Client")) &&
                     dropText.contains(QStringLiteral("Server")),
                 qPrintable(dropText));
        // A listener has no peer: its local address alone.
        for (const auto& n : rec->notes) {
            if (n.id == core::NoteId::Listening)
                QCOMPARE(
                    context.socketText(std::string(n.arg("host")), std::string(n.arg("sock")), n.t),
                    QStringLiteral("10.0.0.2:80"));
        }
        // An unknown label stays as it is rather than vanishing.
        core::Note odd = *received;
        for (auto& [k, v] : odd.args)
            if (k == "sock")
                v = "nosuch";
        QVERIFY(models::noteSentence(odd, context).contains(QStringLiteral("on nosuch")));
        // The notes model uses the same names.
        NotesModel model;
        model.setRecording(rec);
        const int row = int(received - rec->notes.data());
        QVERIFY(model.data(model.index(row)).toString().contains(QStringLiteral("10.0.0.2:80 → ")));
    }

    void stateSeriesTabulatesALoadRun() {
        core::LoadSpec spec;
        spec.ratePerS = 200;
        spec.durationS = 10;
        auto result = std::make_shared<const core::LoadResult>(core::runLoad(spec));
        StateSeriesModel model;
        QAbstractItemModelTester tester(&model);
        model.setResult(result);
        QCOMPARE(model.rowCount(), int(result->tMs.size()));
        const int tw = model.columnOf(QStringLiteral("client"), StateSeriesModel::SeriesKind::State,
                                      QStringLiteral("TIME_WAIT"));
        QVERIFY(tw > 0);
        const auto values = model.columnValues(tw);
        QCOMPARE(values.size(), qsizetype(result->tMs.size()));
        QVERIFY(values.back() > 0);
        QVERIFY(!model.seriesTitle(tw).isEmpty());
        QCOMPARE(model.sampleAt(-1.0), -1);
        QCOMPARE(model.sampleAt(1e12), model.rowCount() - 1);
    }
};

QTEST_GUILESS_MAIN(ItemModelsTest)
#include "item_models_test.moc"
