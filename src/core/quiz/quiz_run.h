#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/load/load_spec.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::core::quiz {

// What a question's key is computed from: a scenario run, a load, or an imported listing.
struct QuizRun {
    enum class Type : std::uint8_t { Scenario, Load, Import };
    Type type = Type::Scenario;
    // Scenario: a built-in id, or (scenarioFile) a file embedded from
    // resources/questions/scenarios.
    std::string scenario;
    bool scenarioFile = false;
    std::vector<std::string> sets;  // --set NAME=VALUE
    std::string kernel;             // "" = the scenario's own profile
    std::optional<std::uint64_t> seed;
    std::vector<std::string> loadArgs;  // Load: the arguments of `closelab-cli load`
    std::string importText;             // Import: the pasted listing

    // The closelab-cli command line that prints the same JSON, without --format:
    // {"run", ID, "--set", ..., "--kernel", K, "--seed", N}, {"load", ...} or {"import", "-"}
    // (the listing then goes to standard input).
    std::vector<std::string> cliArgs() const;
    // The same run with more settings (a fix_config answer): --set after the run's own.
    QuizRun withSets(const std::vector<std::string>& more) const;
    // Equal for runs that print the same JSON (used by RunCache).
    std::string cacheKey() const;

    // Reads a `run` object ({"scenario"...}, {"scenario_file"...}, {"load": [...]},
    // {"import": TEXT}) after params were substituted. Throws InputError.
    static QuizRun fromJson(const nlohmann::json& run);
};

// What to play for "Show me": the scenario and run configuration a Scenario run stands for,
// exactly as the key is computed (the app plays it on the ladder). Throws InputError.
struct ScenarioPlay {
    Scenario scenario;
    RunConfig config;
};
ScenarioPlay scenarioPlay(const QuizRun& run);
// The LoadSpec a Load run stands for (core::runLoad(loadSpecOf(run)) gives its result). Throws
// LoadArgsError.
LoadSpec loadSpecOf(const QuizRun& run);

// The records a selector reads, built once per run from the run's JSON (see docs/questions.md,
// "Sources"): for a scenario app_events, segments, transitions, notes, timers, counters,
// counter_deltas, final_sockets, options, hosts and outcome; for a load summary, counters and
// connections; for an import states, ports and summary.
class RunRecords {
public:
    RunRecords(QuizRun::Type type, nlohmann::json doc);

    QuizRun::Type type() const { return m_type; }
    const nlohmann::json& doc() const { return m_doc; }  // what closelab-cli prints
    // The records of a source, or nullptr when this kind of run has no such source.
    const std::vector<nlohmann::json>* records(std::string_view source) const;
    std::int64_t endUs() const;  // scenario: end of the run (for duration_us of the last state)

private:
    QuizRun::Type m_type;
    nlohmann::json m_doc;
    std::map<std::string, std::vector<nlohmann::json>, std::less<>> m_sources;
};

// Reads pasted `ss` / `netstat` text into the JSON `closelab-cli import` prints. The importer
// lives in src/kernel; the CLI and the models layer pass kernel::importSocketText here, so the
// core stays free of the kernel layer. Throws (any std::exception) for unreadable text.
using ImportReader = std::function<nlohmann::json(std::string_view text)>;

// Plays runs and keeps their records: many questions, choices and seeds share a run, and
// quiz check evaluates hundreds of claims on a few dozen runs. Not thread-safe: one cache per
// thread (a practice session keeps its own).
class RunCache {
public:
    explicit RunCache(ImportReader importReader = {});

    // The records of a run, simulated (or imported) on first use. Throws InputError /
    // LoadSpecError / LoadArgsError for a run that cannot be played.
    const RunRecords& play(const QuizRun& run);
    std::size_t runsPlayed() const { return m_played; }

private:
    ImportReader m_importReader;
    std::map<std::string, std::unique_ptr<RunRecords>> m_cache;
    std::size_t m_played = 0;
};

// The embedded question-local scenario files (resources/questions/scenarios/NAME.json).
struct EmbeddedScenarioFile {
    std::string_view name;  // "NAME.json"
    std::string_view json;
};
const std::vector<EmbeddedScenarioFile>& questionScenarioFiles();

}  // namespace closelab::core::quiz
