#include "models/session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QPromise>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <memory>
#include <type_traits>

#include "core/error.h"
#include "core/load/load_model.h"
#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "models/host_names.h"
#include "models/note_text.h"
#include "models/run_on_thread_pool.h"

namespace closelab::models {

namespace {

std::string toStd(const QString& s) {
    return s.toStdString();
}

}  // namespace

struct Session::RunResult {
    RecordingPtr recording;
    std::optional<core::InputError> inputError;
    std::string internalError;  // anything else the engine threw (a bug; shown, never a crash)
};

struct Session::LoadRunResult {
    LoadResultPtr result;
    std::optional<core::InputError> inputError;  // LoadSpecError: typed, shown translated
    std::string error;                           // anything else (one English line)
    bool cancelled = false;
};

Session::Session(QObject* parent) : QObject(parent) {}

Session::~Session() {
    // Runs still in flight finish on the pool; their watchers die with us and nothing is delivered.
    m_generation = ~std::uint64_t{0};
    m_loadGeneration = ~std::uint64_t{0};
    cancelLoad();
}

bool Session::loadBuiltin(const QString& id) {
    try {
        adoptScenario(std::make_shared<const core::Scenario>(core::builtinScenario(toStd(id))));
        return true;
    } catch (const core::InputError& e) {
        emit errorOccurred(errorMessage(e));
    }
    return false;
}

bool Session::loadScenarioFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit errorOccurred(
            errorMessage(core::InputError(core::ErrorId::FileUnreadable, {{"path", toStd(path)}})));
        return false;
    }
    return loadScenarioJson(file.readAll(), path);
}

bool Session::loadScenarioJson(const QByteArray& json, const QString& sourceName) {
    try {
        const std::string_view text(json.constData(), std::size_t(json.size()));
        adoptScenario(
            std::make_shared<const core::Scenario>(core::parseScenario(text, toStd(sourceName))));
        return true;
    } catch (const core::InputError& e) {
        emit errorOccurred(errorMessage(e));
    }
    return false;
}

void Session::adoptScenario(ScenarioPtr scenario) {
    m_scenario = std::move(scenario);
    m_profile = m_scenario->kernel;
    m_overrides.clear();
    emit scenarioChanged();
    emit optionsChanged();
    resimulate();
}

QString Session::scenarioId() const {
    return m_scenario ? QString::fromStdString(m_scenario->id) : QString();
}

QStringList Session::hosts() const {
    QStringList names;
    if (m_scenario) {
        for (const auto& h : m_scenario->hosts)
            names << QString::fromStdString(h.name);
    }
    return names;
}

std::optional<std::string> Session::scenarioValue(const QString& host, const QString& name) const {
    if (!m_scenario)
        return std::nullopt;
    const std::string h = toStd(host);
    const std::string n = toStd(name);
    std::optional<std::string> forAll;
    for (const auto& o : m_scenario->options) {
        if (o.name != n)
            continue;
        if (o.host == h && !h.empty())
            return o.value;
        if (o.host.empty())
            forAll = o.value;
    }
    return forAll;
}

void Session::setProfile(core::KernelProfile profile) {
    if (profile == m_profile)
        return;
    m_profile = profile;
    // Overrides the new profile does not have would make every run fail: drop them.
    std::erase_if(m_overrides, [profile](const core::OptionOverride& o) {
        const core::OptionSpec* spec = core::findOption(o.name);
        return spec == nullptr || !core::optionInProfile(*spec, profile);
    });
    emit optionsChanged();
    resimulate();
}

bool Session::setOption(const QString& host, const QString& name, const QString& value) {
    try {
        if (!host.isEmpty() && !hosts().contains(host))
            throw core::InputError(core::ErrorId::UnknownHost, {{"host", toStd(host)}});
        const core::OptionValue parsed =
            core::parseOptionValue(toStd(name), toStd(value), m_profile);
        const std::string h = toStd(host);
        const std::string n = toStd(name);
        auto it = std::find_if(m_overrides.begin(), m_overrides.end(),
                               [&](const auto& o) { return o.host == h && o.name == n; });
        if (it != m_overrides.end()) {
            if (it->value == parsed.text)
                return true;
            it->value = parsed.text;
        } else {
            m_overrides.push_back({h, n, parsed.text});
        }
    } catch (const core::InputError& e) {
        emit errorOccurred(errorMessage(e));
        return false;
    }
    emit optionsChanged();
    resimulate();
    return true;
}

void Session::clearOption(const QString& host, const QString& name) {
    const std::string h = toStd(host);
    const std::string n = toStd(name);
    if (std::erase_if(m_overrides, [&](const auto& o) { return o.host == h && o.name == n; }) == 0)
        return;
    emit optionsChanged();
    resimulate();
}

void Session::resetOptions() {
    const bool profileChanged = m_scenario && m_profile != m_scenario->kernel;
    if (m_overrides.empty() && !profileChanged)
        return;
    m_overrides.clear();
    if (m_scenario)
        m_profile = m_scenario->kernel;
    emit optionsChanged();
    resimulate();
}

std::optional<std::string> Session::overrideValue(const QString& host, const QString& name) const {
    const std::string h = toStd(host);
    const std::string n = toStd(name);
    for (const auto& o : m_overrides) {
        if (o.host == h && o.name == n)
            return o.value;
    }
    return std::nullopt;
}

std::string Session::effectiveValue(const QString& host, const QString& name) const {
    if (auto v = overrideValue(host, name))
        return *v;
    if (!host.isEmpty()) {
        if (auto v = overrideValue(QString(), name))
            return *v;
    }
    if (auto v = scenarioValue(host, name))
        return *v;
    const core::OptionSpec* spec = core::findOption(toStd(name));
    if (spec == nullptr || !core::optionInProfile(*spec, m_profile))
        return {};
    return core::defaultValue(*spec, m_profile);
}

void Session::setSeed(std::uint64_t seed) {
    if (seed == m_seed)
        return;
    m_seed = seed;
    resimulate();
}

void Session::resimulate() {
    if (!m_scenario)
        return;
    const std::uint64_t generation = ++m_generation;
    core::RunConfig config;
    config.kernel = m_profile;
    config.overrides = m_overrides;
    config.seed = m_seed;
    auto future = runOnThreadPool([scenario = m_scenario, config]() {
        auto result = std::make_shared<RunResult>();
        try {
            result->recording =
                std::make_shared<const core::Recording>(core::simulate(*scenario, config));
        } catch (const core::InputError& e) {
            result->inputError = e;
        } catch (const std::exception& e) {
            result->internalError = e.what();
        }
        return result;
    });
    auto* watcher = new QFutureWatcher<std::shared_ptr<RunResult>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<RunResult>>::finished, this,
            [this, watcher, generation]() {
                watcher->deleteLater();
                onRunFinished(generation, watcher->result());
            });
    watcher->setFuture(future);
    if (++m_pending == 1)
        emit busyChanged(true);
}

void Session::onRunFinished(std::uint64_t generation, const std::shared_ptr<RunResult>& result) {
    if (--m_pending == 0)
        emit busyChanged(false);
    if (generation != m_generation) {
        ++m_droppedRuns;  // a newer change overtook this run
        return;
    }
    if (result->inputError) {
        emit errorOccurred(errorMessage(*result->inputError));
        return;
    }
    if (!result->recording) {
        emit errorOccurred(
            tr("The simulation failed: %1").arg(QString::fromStdString(result->internalError)));
        return;
    }
    m_recording = result->recording;
    emit recordingChanged();
}

bool Session::waitForIdle(int msecs) {
    QDeadlineTimer deadline(msecs);
    while (m_pending > 0 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_pending > 0)
            QThread::msleep(1);
    }
    return m_pending == 0;
}

}  // namespace closelab::models

namespace closelab::models {

void Session::runLoad(const core::LoadSpec& spec) {
    const std::uint64_t generation = ++m_loadGeneration;
    cancelLoad();  // its result would be dropped anyway
    auto stop = std::make_shared<std::stop_source>();
    m_loadStop = stop;
    using Out = std::shared_ptr<LoadRunResult>;
    auto promise = std::make_shared<QPromise<Out>>();
    QFuture<Out> future = promise->future();
    promise->start();
    // Progress in simulated milliseconds (a run is at most a day: fits an int).
    const int totalMs = static_cast<int>(std::llround(std::clamp(spec.durationS, 0.0, 1e7) * 1000));
    promise->setProgressRange(0, std::max(totalMs, 1));
    QThreadPool::globalInstance()->start([promise, spec, stop]() {
        auto out = std::make_shared<LoadRunResult>();
        core::LoadControl control;
        control.stop = stop->get_token();
        auto last = std::chrono::steady_clock::now();
        control.progress = [&](std::int64_t doneUs, std::int64_t) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last >= std::chrono::milliseconds(50)) {
                last = now;
                promise->setProgressValue(static_cast<int>(doneUs / 1000));
            }
        };
        try {
            out->result = std::make_shared<const core::LoadResult>(core::runLoad(spec, control));
        } catch (const core::LoadCancelled&) {
            out->cancelled = true;
        } catch (const core::InputError& e) {
            out->inputError = e;
        } catch (const std::exception& e) {
            out->error = e.what();
        }
        promise->addResult(out);
        promise->finish();
    });
    auto* watcher = new QFutureWatcher<Out>(this);
    const auto started = std::chrono::steady_clock::now();
    connect(
        watcher, &QFutureWatcher<Out>::progressValueChanged, this,
        [this, watcher, generation, totalMs, started](int doneMs) {
            if (generation != m_loadGeneration || watcher->isFinished())
                return;
            const double elapsed =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            const double frac = totalMs > 0 ? static_cast<double>(doneMs) / totalMs : 0.0;
            const double left = frac > 0.02 ? elapsed * (1.0 - frac) / frac : -1.0;
            emit loadProgress(doneMs / 1000.0, totalMs / 1000.0, elapsed, left);
        });
    connect(watcher, &QFutureWatcher<Out>::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        const auto out = watcher->result();
        if (--m_loadPending == 0)
            emit loadBusyChanged(false);
        if (generation != m_loadGeneration) {
            ++m_droppedRuns;
            return;
        }
        if (out->cancelled) {
            emit loadCancelled();
            return;
        }
        if (!out->result) {
            const QString why = out->inputError ? errorMessage(*out->inputError)
                                                : QString::fromStdString(out->error);
            emit errorOccurred(tr("Invalid load parameters: %1").arg(why));
            return;
        }
        m_loadResult = out->result;
        emit loadResultChanged();
    });
    watcher->setFuture(future);
    if (++m_loadPending == 1)
        emit loadBusyChanged(true);
}

void Session::cancelLoad() {
    if (m_loadStop)
        m_loadStop->request_stop();
}

bool Session::waitForLoadIdle(int msecs) {
    QDeadlineTimer deadline(msecs);
    while (m_loadPending > 0 && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_loadPending > 0)
            QThread::msleep(1);
    }
    return m_loadPending == 0;
}

void Session::pinLoad() {
    if (!m_loadResult || m_pinnedLoad == m_loadResult)
        return;
    m_pinnedLoad = m_loadResult;
    emit pinnedLoadChanged();
}

void Session::unpinLoad() {
    if (!m_pinnedLoad)
        return;
    m_pinnedLoad.reset();
    emit pinnedLoadChanged();
}

QStringList Session::loadDifferences() const {
    if (!m_pinnedLoad || !m_loadResult)
        return {};
    return describeLoadDifferences(*m_pinnedLoad, *m_loadResult);
}

QStringList Session::describeLoadDifferences(const core::LoadResult& pinned,
                                             const core::LoadResult& current) {
    QStringList lines;
    const core::LoadSpec& a = pinned.spec;
    const core::LoadSpec& b = current.spec;
    auto num = [](double v) { return QString::number(v, 'g', 6); };
    auto add = [&lines](const QString& what, const QString& from, const QString& to) {
        if (from != to)
            lines << tr("%1: %2 → %3").arg(what, from, to);
    };
    auto rate = [&num](const core::LoadSpec& s) {
        return s.ratePerS ? tr("%1/s").arg(num(*s.ratePerS)) : tr("back to back");
    };
    auto closer = [](const core::LoadSpec& s) {
        return s.closer == core::LoadCloser::Client ? tr("client closes first")
                                                    : tr("server closes first");
    };
    auto peer = [](const core::LoadSpec& s) {
        switch (s.peerClose) {
            case core::PeerClose::Normal:
                return tr("closes normally");
            case core::PeerClose::Never:
                return tr("never closes");
            case core::PeerClose::Delay:
                return tr("closes after %1 ms").arg(s.peerCloseDelayMs);
        }
        return QString();
    };
    add(tr("rate"), rate(a), rate(b));
    add(tr("arrivals"), a.poisson ? tr("Poisson") : tr("constant"),
        b.poisson ? tr("Poisson") : tr("constant"));
    add(tr("count"), a.count ? QString::number(*a.count) : tr("unlimited"),
        b.count ? QString::number(*b.count) : tr("unlimited"));
    add(tr("duration"), tr("%1 s").arg(num(a.durationS)), tr("%1 s").arg(num(b.durationS)));
    add(tr("who closes"), closer(a), closer(b));
    add(tr("peer application"), peer(a), peer(b));
    add(tr("pool"), QString::number(a.pool), QString::number(b.pool));
    add(tr("requests per pooled connection"), QString::number(a.poolRequests),
        QString::number(b.poolRequests));
    add(tr("clients"), QString::number(a.clients), QString::number(b.clients));
    add(tr("NAT"), a.nat ? tr("on") : tr("off"), b.nat ? tr("on") : tr("off"));
    add(tr("server ports"), QString::number(a.serverPorts), QString::number(b.serverPorts));
    add(tr("RTT"), tr("%1 ms").arg(num(double(core::effectiveRttUs(a)) / 1000.0)),
        tr("%1 ms").arg(num(double(core::effectiveRttUs(b)) / 1000.0)));
    add(tr("loss"), num(a.loss), num(b.loss));
    add(tr("loopback"), a.loopback ? tr("on") : tr("off"), b.loopback ? tr("on") : tr("off"));
    add(tr("kernel"), QString::fromStdString(a.kernel), QString::fromStdString(b.kernel));
    add(tr("seed"), QString::number(a.seed), QString::number(b.seed));
    // Effective options per host (covers --set and profile changes alike).
    for (const auto& hb : current.options) {
        const auto ha = std::find_if(pinned.options.begin(), pinned.options.end(),
                                     [&](const auto& o) { return o.host == hb.host; });
        for (const auto& [name, value] : hb.values) {
            std::string old;
            if (ha != pinned.options.end()) {
                if (auto it = ha->values.find(name); it != ha->values.end())
                    old = it->second;
            }
            if (old != value) {
                lines << tr("%1: %2 %3 → %4")
                             .arg(hostDisplayName(hb.host), QString::fromStdString(name),
                                  old.empty() ? tr("(absent)") : QString::fromStdString(old),
                                  QString::fromStdString(value));
            }
        }
    }
    return lines;
}

}  // namespace closelab::models
