#include "models/session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

#include "core/error.h"
#include "core/recording.h"
#include "core/scenario.h"
#include "core/simulate.h"
#include "models/note_text.h"

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

Session::Session(QObject* parent) : QObject(parent) {}

Session::~Session() {
    // Runs still in flight finish on the pool; their watchers die with us and nothing is delivered.
    m_generation = ~std::uint64_t{0};
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
    auto future = QtConcurrent::run([scenario = m_scenario, config]() {
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
