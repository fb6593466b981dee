#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

#include "core/load/load_result.h"
#include "core/load/load_spec.h"
#include "core/recording.h"
#include "core/scenario.h"
#include "models/options_model.h"
#include "models/session.h"
#include "test_support.h"

using namespace closelab;
using models::OptionsModel;
using models::Session;

class SessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { tests::installStrictMessageHandler(); }

    void loadingABuiltinSimulatesOffTheGuiThread() {
        Session session;
        QSignalSpy recording(&session, &Session::recordingChanged);
        QSignalSpy busy(&session, &Session::busyChanged);
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        QVERIFY(session.isBusy());
        QVERIFY(session.waitForIdle());
        QCOMPARE(recording.count(), 1);
        QCOMPARE(busy.count(), 2);
        QVERIFY(session.recording());
        QCOMPARE(session.recording()->scenario, std::string("normal-close"));
        QCOMPARE(session.hosts(),
                 (QStringList{QStringLiteral("client"), QStringLiteral("server")}));
    }

    void aRunOvertakenByANewerChangeIsDropped() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        QVERIFY(session.waitForIdle());
        QSignalSpy recording(&session, &Session::recordingChanged);
        // Two changes without returning to the event loop: the first run is stale.
        QVERIFY(session.setOption(QStringLiteral("client"),
                                  QStringLiteral("net.ipv4.tcp_fin_timeout"), QStringLiteral("7")));
        QVERIFY(session.setOption({}, QStringLiteral("closelab.time_wait_len_ms"),
                                  QStringLiteral("0")));
        QVERIFY(session.waitForIdle());
        QCOMPARE(recording.count(), 1);
        QCOMPARE(session.droppedRuns(), 1);
        // The surviving recording is the one with both overrides.
        const auto& rec = *session.recording();
        const auto& client = rec.options[std::size_t(rec.hostIndex("client"))];
        auto value = [&client](const std::string& name) {
            for (const auto& [n, v] : client) {
                if (n == name)
                    return v;
            }
            return std::string();
        };
        QCOMPARE(value("net.ipv4.tcp_fin_timeout"), std::string("7"));
        QCOMPARE(value("closelab.time_wait_len_ms"), std::string("0"));
    }

    void badValuesAreRefusedWithOneTranslatedLine() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        QVERIFY(session.waitForIdle());
        QSignalSpy errors(&session, &Session::errorOccurred);
        QSignalSpy options(&session, &Session::optionsChanged);
        QVERIFY(
            !session.setOption({}, QStringLiteral("net.ipv4.tcp_tw_reuse"), QStringLiteral("7")));
        QVERIFY(!session.setOption({}, QStringLiteral("net.ipv4.ip_local_port_range"),
                                   QStringLiteral("60000 40000")));
        QVERIFY(!session.setOption(QStringLiteral("mars"), QStringLiteral("net.ipv4.tcp_tw_reuse"),
                                   QStringLiteral("1")));
        QVERIFY(!session.setOption({}, QStringLiteral("net.ipv4.tcp_tw_recycle"),
                                   QStringLiteral("1")));  // not in linux-6
        QCOMPARE(errors.count(), 4);
        QCOMPARE(options.count(), 0);
        for (const auto& e : errors) {
            const QString msg = e.at(0).toString();
            QVERIFY(!msg.isEmpty());
            QVERIFY(!msg.contains(u'\n'));
        }
        QVERIFY(session.overrides().empty());
        QVERIFY(!session.isBusy());
    }

    void badScenarioFileKeepsTheCurrentScenario() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        QSignalSpy errors(&session, &Session::errorOccurred);
        QVERIFY(!session.loadScenarioJson("{\"id\": \"x\",", QStringLiteral("broken.json")));
        QVERIFY(!session.loadScenarioFile(QStringLiteral("/nonexistent/file.json")));
        QVERIFY(!session.loadBuiltin(QStringLiteral("no-such-scenario")));
        QCOMPARE(errors.count(), 3);
        QVERIFY(errors.at(0).at(0).toString().startsWith(QStringLiteral("broken.json:")));
        QCOMPARE(session.scenarioId(), QStringLiteral("normal-close"));
        QVERIFY(session.waitForIdle());
    }

    void profileChangeDropsOptionsTheKernelDoesNotHave() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        session.setProfile(core::KernelProfile::Linux49);
        QVERIFY(session.setOption(QStringLiteral("server"),
                                  QStringLiteral("net.ipv4.tcp_tw_recycle"), QStringLiteral("1")));
        QCOMPARE(session.overrides().size(), std::size_t(1));
        session.setProfile(core::KernelProfile::Linux6);
        QVERIFY(session.overrides().empty());
        QVERIFY(session.waitForIdle());
        QCOMPARE(session.recording()->kernel, core::KernelProfile::Linux6);
    }

    void optionsTreeEditsValidatesAndResets() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        OptionsModel model(&session);
        QAbstractItemModelTester tester(&model);
        // Profile row + "All hosts" + one scope per host.
        QCOMPARE(model.rowCount(), 2 + int(session.hosts().size()));
        const QModelIndex value =
            model.indexOfOption(QStringLiteral("client"), QStringLiteral("net.ipv4.tcp_tw_reuse"),
                                OptionsModel::ValueColumn);
        QVERIFY(value.isValid());
        QCOMPARE(model.data(value, OptionsModel::ValueRole).toString(), QStringLiteral("2"));
        QVERIFY(!model.data(value, OptionsModel::IsChangedRole).toBool());
        QVERIFY(model.flags(value) & Qt::ItemIsEditable);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(value, QStringLiteral("1")));
        QVERIFY(changed.count() > 0);
        QCOMPARE(model.data(value, OptionsModel::ValueRole).toString(), QStringLiteral("1"));
        QVERIFY(model.data(value, OptionsModel::IsChangedRole).toBool());
        QVERIFY(model.data(value, OptionsModel::IsOverriddenRole).toBool());

        QSignalSpy errors(&session, &Session::errorOccurred);
        QVERIFY(!model.setData(value, QStringLiteral("7")));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(model.data(value, OptionsModel::ValueRole).toString(), QStringLiteral("1"));

        // A bool option is a check box.
        const QModelIndex ts = model.indexOfOption(
            QString(), QStringLiteral("net.ipv4.tcp_rfc1337"), OptionsModel::ValueColumn);
        QVERIFY(ts.isValid());
        QVERIFY(model.flags(ts) & Qt::ItemIsUserCheckable);
        const Qt::CheckState before = Qt::CheckState(model.data(ts, Qt::CheckStateRole).toInt());
        const Qt::CheckState after = before == Qt::Checked ? Qt::Unchecked : Qt::Checked;
        QVERIFY(model.setData(ts, after, Qt::CheckStateRole));
        QCOMPARE(model.data(ts, Qt::CheckStateRole).toInt(), int(after));
        // "All hosts" reaches every host that has no own value.
        QCOMPARE(session.effectiveValue(QStringLiteral("server"),
                                        QStringLiteral("net.ipv4.tcp_rfc1337")),
                 std::string(after == Qt::Checked ? "1" : "0"));

        model.resetAll();
        QVERIFY(session.overrides().empty());
        QVERIFY(!model.data(value, OptionsModel::IsChangedRole).toBool());
        QVERIFY(session.waitForIdle());
    }

    void profileRowSwitchesTheKernel() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        OptionsModel model(&session);
        QAbstractItemModelTester tester(&model);
        const QModelIndex profile = model.index(0, OptionsModel::ValueColumn);
        QCOMPARE(model.data(profile).toString(), QStringLiteral("linux-6"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.setData(profile, QStringLiteral("linux-4.9")));
        QCOMPARE(reset.count(), 1);  // the tree changes: tcp_tw_recycle appears
        QVERIFY(
            model.indexOfOption(QStringLiteral("server"), QStringLiteral("net.ipv4.tcp_tw_recycle"))
                .isValid());
        QSignalSpy errors(&session, &Session::errorOccurred);
        QVERIFY(!model.setData(profile, QStringLiteral("windows-95")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(session.waitForIdle());
    }

    void importsSysctlConfReportingWhatItSkips() {
        Session session;
        QVERIFY(session.loadBuiltin(QStringLiteral("normal-close")));
        OptionsModel model(&session);
        const QString conf = QStringLiteral(
            "# tuning from a blog\n"
            "net.ipv4.tcp_tw_reuse = 1\n"
            "net/ipv4/tcp_fin_timeout=10\n"
            "net.ipv4.ip_local_port_range = 1024\t65000\n"
            "vm.swappiness = 10\n"
            "net.ipv4.tcp_tw_reuse = 9\n"
            "this is not a setting\n");
        const QStringList problems = model.importSysctlConf(conf, QStringLiteral("client"));
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).contains(QStringLiteral("vm.swappiness")));
        QCOMPARE(session.effectiveValue(QStringLiteral("client"),
                                        QStringLiteral("net.ipv4.tcp_tw_reuse")),
                 std::string("1"));
        QCOMPARE(session.effectiveValue(QStringLiteral("client"),
                                        QStringLiteral("net.ipv4.tcp_fin_timeout")),
                 std::string("10"));
        QCOMPARE(session.effectiveValue(QStringLiteral("client"),
                                        QStringLiteral("net.ipv4.ip_local_port_range")),
                 std::string("1024 65000"));
        QVERIFY(session.waitForIdle());
    }

    // A long load (100,000/s for 300 s) reports progress; Cancel stops it within 100 ms and the
    // previous result stays.
    void cancellingALongLoadKeepsThePreviousResult() {
        Session session;
        core::LoadSpec spec;
        spec.ratePerS = 100;
        spec.durationS = 5;
        session.runLoad(spec);
        QVERIFY(session.waitForLoadIdle());
        const auto previous = session.loadResult();
        QVERIFY(previous);
        QSignalSpy progress(&session, &Session::loadProgress);
        QSignalSpy cancelled(&session, &Session::loadCancelled);
        QSignalSpy loads(&session, &Session::loadResultChanged);
        spec.ratePerS = 100'000;
        spec.durationS = 300;
        spec.serverPorts = 64;
        session.runLoad(spec);
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 10000);
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(1).toDouble(), 300.0);
        QVERIFY(last.at(0).toDouble() > 0.0 && last.at(0).toDouble() < 300.0);
        QVERIFY(last.at(2).toDouble() > 0.0);
        QElapsedTimer timer;
        timer.start();
        session.cancelLoad();
        QVERIFY(session.waitForLoadIdle(2000));
        const qint64 ms = timer.elapsed();
        QVERIFY2(ms < 100, qPrintable(QStringLiteral("cancel took %1 ms").arg(ms)));
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(loads.count(), 0);
        QCOMPARE(session.loadResult(), previous);
    }

    void loadRunsPinAndDescribeWhatDiffers() {
        Session session;
        QSignalSpy loads(&session, &Session::loadResultChanged);
        core::LoadSpec spec;
        spec.ratePerS = 100;
        spec.durationS = 5;
        session.runLoad(spec);
        QVERIFY(session.waitForLoadIdle());
        QCOMPARE(loads.count(), 1);
        QVERIFY(session.loadResult());
        QSignalSpy pinned(&session, &Session::pinnedLoadChanged);
        session.pinLoad();
        QCOMPARE(pinned.count(), 1);
        QVERIFY(session.hasPinnedLoad());
        QVERIFY(session.loadDifferences().isEmpty());

        // Stale: the 300/s run is overtaken by the 400/s one.
        spec.ratePerS = 300;
        session.runLoad(spec);
        spec.ratePerS = 400;
        spec.settings.push_back({"net.ipv4.tcp_tw_reuse", "1"});
        session.runLoad(spec);
        QVERIFY(session.waitForLoadIdle());
        QCOMPARE(loads.count(), 2);
        QVERIFY(*session.loadResult()->spec.ratePerS == 400.0);
        const QStringList diff = session.loadDifferences();
        QVERIFY2(diff.size() >= 2, qPrintable(diff.join(u'|')));
        QVERIFY(diff.join(u'|').contains(QStringLiteral("400")));
        QVERIFY(diff.join(u'|').contains(QStringLiteral("net.ipv4.tcp_tw_reuse")));

        QSignalSpy errors(&session, &Session::errorOccurred);
        spec.durationS = -3;
        session.runLoad(spec);
        QVERIFY(session.waitForLoadIdle());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(loads.count(), 2);  // the last good result stays
        session.unpinLoad();
        QVERIFY(!session.hasPinnedLoad());
    }
};

QTEST_GUILESS_MAIN(SessionTest)
#include "session_test.moc"
