#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

#include "core/kernel_profile.h"
#include "core/options.h"

namespace closelab::core {
struct Scenario;
struct Recording;
struct LoadSpec;
struct LoadResult;
}  // namespace closelab::core

namespace closelab::models {

// The current experiment: a Scenario, the kernel profile and the user's option overrides. Every
// change re-simulates OFF the GUI thread (QThreadPool); a generation counter drops the results of
// runs that were overtaken by a newer change, so the views only ever see the latest run.
// Errors (bad option value, bad scenario file) are reported with errorOccurred(translated line) and
// leave the current scenario, options and recording as they were.
class Session : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(bool loadBusy READ isLoadBusy NOTIFY loadBusyChanged)
    Q_PROPERTY(bool hasPinnedLoad READ hasPinnedLoad NOTIFY pinnedLoadChanged)

public:
    using ScenarioPtr = std::shared_ptr<const core::Scenario>;
    using RecordingPtr = std::shared_ptr<const core::Recording>;
    using LoadResultPtr = std::shared_ptr<const core::LoadResult>;

    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    // Loading a scenario resets the overrides and the profile to the scenario's own.
    bool loadBuiltin(const QString& id);
    bool loadScenarioFile(const QString& path);
    bool loadScenarioJson(const QByteArray& json, const QString& sourceName);

    ScenarioPtr scenario() const { return m_scenario; }
    QString scenarioId() const;
    // Host names of the current scenario, in its order.
    QStringList hosts() const;
    // The value the scenario file itself sets for an option on a host, if any.
    std::optional<std::string> scenarioValue(const QString& host, const QString& name) const;

    core::KernelProfile profile() const { return m_profile; }
    void setProfile(core::KernelProfile profile);

    // host empty = every host. The value is validated with the engine's parser for the current
    // profile and stored in canonical form. false (and errorOccurred) when it is refused.
    bool setOption(const QString& host, const QString& name, const QString& value);
    void clearOption(const QString& host, const QString& name);
    void resetOptions();
    const std::vector<core::OptionOverride>& overrides() const { return m_overrides; }
    // The override for exactly this host (or for all hosts when host is empty), if any.
    std::optional<std::string> overrideValue(const QString& host, const QString& name) const;
    // Effective value on a host: override for the host, override for all, scenario, default.
    std::string effectiveValue(const QString& host, const QString& name) const;

    std::uint64_t seed() const { return m_seed; }
    void setSeed(std::uint64_t seed);

    RecordingPtr recording() const { return m_recording; }
    bool isBusy() const { return m_pending > 0; }
    // Number of runs whose result arrived after a newer request and was thrown away.
    int droppedRuns() const { return m_droppedRuns; }

    // Starts a run for the current state (done automatically on every change).
    void resimulate();
    // Blocks (processing events) until no run is pending or msecs passed. For tests and
    // --screenshot; the GUI never calls it.
    bool waitForIdle(int msecs = 10000);

    // Load runs (the Load tab): same threading and stale-run rules as the scenario runs.
    // Bad parameters are reported with errorOccurred and leave the last result in place.
    // A new run stops the one before it. While it runs, loadProgress reports the simulated time.
    void runLoad(const core::LoadSpec& spec);
    // Stops the running load within a few milliseconds (loadCancelled); the result on screen
    // stays the previous one.
    void cancelLoad();
    LoadResultPtr loadResult() const { return m_loadResult; }
    bool isLoadBusy() const { return m_loadPending > 0; }
    bool waitForLoadIdle(int msecs = 30000);
    // Compare: pin the current load result; later runs are shown against it.
    void pinLoad();
    void unpinLoad();
    bool hasPinnedLoad() const { return m_pinnedLoad != nullptr; }
    LoadResultPtr pinnedLoad() const { return m_pinnedLoad; }
    // What differs between the pinned run and the current one, one translated line per
    // difference ("rate: 400/s → 600/s", "client: net.ipv4.tcp_tw_reuse 0 → 1").
    QStringList loadDifferences() const;
    static QStringList describeLoadDifferences(const core::LoadResult& pinned,
                                               const core::LoadResult& current);

signals:
    void scenarioChanged();
    void optionsChanged();
    void recordingChanged();
    void busyChanged(bool busy);
    void errorOccurred(const QString& message);
    void loadResultChanged();
    void loadBusyChanged(bool busy);
    // Simulated seconds done of the total, wall seconds since the run started and an estimate
    // of the wall seconds left (negative while too early to tell); about 20 times a second.
    void loadProgress(double doneS, double totalS, double elapsedS, double leftS);
    void loadCancelled();
    void pinnedLoadChanged();

private:
    struct RunResult;
    struct LoadRunResult;
    void adoptScenario(ScenarioPtr scenario);
    void onRunFinished(std::uint64_t generation, const std::shared_ptr<RunResult>& result);

    ScenarioPtr m_scenario;
    core::KernelProfile m_profile = core::KernelProfile::Linux6;
    std::vector<core::OptionOverride> m_overrides;
    std::uint64_t m_seed = 1;
    RecordingPtr m_recording;
    std::uint64_t m_generation = 0;
    int m_pending = 0;
    int m_droppedRuns = 0;
    LoadResultPtr m_loadResult;
    LoadResultPtr m_pinnedLoad;
    std::uint64_t m_loadGeneration = 0;
    int m_loadPending = 0;
    std::shared_ptr<std::stop_source> m_loadStop;  // of the newest run
};

}  // namespace closelab::models
