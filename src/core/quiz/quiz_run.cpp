// A question's run: what it is (scenario, load, import), how closelab-cli would print it, and
// its records, played once per evaluation.
#include "core/quiz/quiz_run.h"

#include <utility>

#include "core/error.h"
#include "core/load/load_args.h"
#include "core/load/load_model.h"
#include "core/recording_json.h"
#include "core/simulate.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core::quiz {

namespace {

using json = nlohmann::json;

json plain(const nlohmann::ordered_json& o) {
    switch (o.type()) {
        case nlohmann::ordered_json::value_t::object: {
            json out = json::object();
            for (const auto& [k, v] : o.items())
                out[k] = plain(v);
            return out;
        }
        case nlohmann::ordered_json::value_t::array: {
            json out = json::array();
            for (const auto& v : o)
                out.push_back(plain(v));
            return out;
        }
        case nlohmann::ordered_json::value_t::string:
            return o.get<std::string>();
        case nlohmann::ordered_json::value_t::boolean:
            return o.get<bool>();
        case nlohmann::ordered_json::value_t::number_integer:
            return o.get<std::int64_t>();
        case nlohmann::ordered_json::value_t::number_unsigned:
            return o.get<std::uint64_t>();
        case nlohmann::ordered_json::value_t::number_float:
            return o.get<double>();
        default:
            return nullptr;
    }
}

[[noreturn]] void badRun(const std::string& value, const char* why) {
    throw InputError(ErrorId::ScenarioBadValue, {{"field", "run"}, {"value", value}, {"why", why}});
}

std::vector<std::string> stringList(const json& j, const char* what) {
    std::vector<std::string> out;
    if (!j.is_array())
        badRun(j.dump(), what);
    for (const auto& v : j) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else if (v.is_number_integer())
            out.push_back(std::to_string(v.get<std::int64_t>()));
        else
            badRun(v.dump(), what);
    }
    return out;
}

// Flattens {"host": {"name": value}} into records {"host", "name", "value"}.
void addHostMap(std::vector<json>& out, const json& byHost) {
    if (!byHost.is_object())
        return;
    for (const auto& [host, values] : byHost.items()) {
        if (!values.is_object())
            continue;
        for (const auto& [name, value] : values.items())
            out.push_back({{"host", host}, {"name", name}, {"value", value}});
    }
}

// The object member `name`, or an empty object (never a temporary: callers iterate it).
const json& member(const json& doc, const char* name) {
    static const json kEmpty = json::object();
    if (!doc.is_object())
        return kEmpty;
    const auto it = doc.find(name);
    return it != doc.end() && it->is_object() ? *it : kEmpty;
}

void copyArray(std::vector<json>& out, const json& doc, const char* name) {
    if (const auto it = doc.find(name); it != doc.end() && it->is_array())
        out.assign(it->begin(), it->end());
}

bool isEmbeddedScenarioFile(const std::string& name) {
    for (const auto& f : questionScenarioFiles())
        if (f.name == name)
            return true;
    return false;
}

}  // namespace

std::vector<std::string> QuizRun::cliArgs() const {
    std::vector<std::string> out;
    switch (type) {
        case Type::Scenario:
            out.push_back("run");
            out.push_back(scenarioFile && isEmbeddedScenarioFile(scenario)
                              ? "resources/questions/scenarios/" + scenario
                              : scenario);
            for (const auto& s : sets) {
                out.push_back("--set");
                out.push_back(s);
            }
            if (!kernel.empty()) {
                out.push_back("--kernel");
                out.push_back(kernel);
            }
            if (seed) {
                out.push_back("--seed");
                out.push_back(std::to_string(*seed));
            }
            break;
        case Type::Load:
            out.push_back("load");
            out.insert(out.end(), loadArgs.begin(), loadArgs.end());
            break;
        case Type::Import:
            out = {"import", "-"};
            break;
    }
    return out;
}

QuizRun QuizRun::withSets(const std::vector<std::string>& more) const {
    QuizRun r = *this;
    for (const auto& s : more) {
        if (r.type == Type::Load) {
            r.loadArgs.push_back("--set");
            r.loadArgs.push_back(s);
        } else {
            r.sets.push_back(s);
        }
    }
    return r;
}

std::string QuizRun::cacheKey() const {
    std::string key;
    for (const auto& a : cliArgs()) {
        key += a;
        key += '\x1f';
    }
    if (type == Type::Import)
        key += importText;
    return key;
}

QuizRun QuizRun::fromJson(const json& run) {
    QuizRun r;
    if (!run.is_object())
        badRun(run.dump(), QT_TRANSLATE_NOOP("closelab::Errors",
                                             "a run is {\"scenario\": ID, ...}, {\"load\": [...]} "
                                             "or {\"import\": TEXT}"));
    if (run.contains("load")) {
        r.type = Type::Load;
        r.loadArgs =
            stringList(run.at("load"), QT_TRANSLATE_NOOP("closelab::Errors",
                                                         "\"load\" is a list of the "
                                                         "arguments of closelab-cli load"));
        return r;
    }
    if (run.contains("import")) {
        r.type = Type::Import;
        if (!run.at("import").is_string())
            badRun(run.dump(), QT_TRANSLATE_NOOP("closelab::Errors",
                                                 "\"import\" is the pasted listing, a string"));
        r.importText = run.at("import").get<std::string>();
        return r;
    }
    r.type = Type::Scenario;
    if (run.contains("scenario_file")) {
        r.scenarioFile = true;
        r.scenario = run.at("scenario_file").get<std::string>();
    } else {
        r.scenario = run.value("scenario", std::string());
    }
    if (const auto it = run.find("set"); it != run.end())
        r.sets = stringList(*it, QT_TRANSLATE_NOOP("closelab::Errors",
                                                   "\"set\" is a list of \"NAME=VALUE\" strings"));
    r.kernel = run.value("kernel", std::string());
    if (const auto it = run.find("seed"); it != run.end()) {
        if (it->is_number_unsigned() || (it->is_number_integer() && it->get<std::int64_t>() >= 0))
            r.seed = it->get<std::uint64_t>();
        else if (it->is_string())
            r.seed = parseSeedArg(it->get<std::string>());
        else
            throw InputError(ErrorId::BadSeed, {{"value", it->dump()}});
    }
    return r;
}

ScenarioPlay scenarioPlay(const QuizRun& run) {
    ScenarioPlay p;
    if (run.scenarioFile) {
        bool found = false;
        for (const auto& f : questionScenarioFiles()) {
            if (f.name == run.scenario) {
                p.scenario = parseScenario(f.json, "resources/questions/scenarios/" + run.scenario);
                found = true;
            }
        }
        // Not embedded: a teacher's scenario file beside their question file (a path).
        if (!found)
            p.scenario = loadScenario(run.scenario);
    } else {
        p.scenario = builtinScenario(run.scenario);
    }
    if (!run.kernel.empty()) {
        const auto profile = parseProfile(run.kernel);
        if (!profile)
            throw InputError(ErrorId::UnknownKernel, {{"kernel", run.kernel}});
        p.config.kernel = *profile;
    }
    for (const auto& s : run.sets)
        p.config.overrides.push_back(parseOverride(s));
    p.config.seed = run.seed.value_or(1);
    return p;
}

LoadSpec loadSpecOf(const QuizRun& run) {
    return loadSpecFromArgs(run.loadArgs);
}

RunRecords::RunRecords(QuizRun::Type type, json doc) : m_type(type), m_doc(std::move(doc)) {
    auto& s = m_sources;
    switch (m_type) {
        case QuizRun::Type::Scenario: {
            for (const char* name :
                 {"app_events", "segments", "transitions", "notes", "counter_deltas", "hosts"})
                copyArray(s[name], m_doc, name);
            // Timers carry start_us; t_us is the same instant, so "t_us" works on every source.
            copyArray(s["timers"], m_doc, "timers");
            for (auto& t : s["timers"])
                if (t.contains("start_us"))
                    t["t_us"] = t["start_us"];
            addHostMap(s["counters"], member(m_doc, "counters"));
            addHostMap(s["options"], member(m_doc, "options"));
            auto& finals = s["final_sockets"];
            for (const auto& [host, rows] : member(m_doc, "final_sockets").items()) {
                for (auto row : rows) {
                    row["host"] = host;
                    finals.push_back(std::move(row));
                }
            }
            if (m_doc.contains("outcome"))
                s["outcome"].push_back(m_doc.at("outcome"));
            break;
        }
        case QuizRun::Type::Load: {
            const json& summary = member(m_doc, "summary");
            s["summary"].push_back(summary);
            addHostMap(s["counters"], member(summary, "counters"));
            copyArray(s["connections"], m_doc, "connections");
            break;
        }
        case QuizRun::Type::Import: {
            const json& counts = member(m_doc, "counts");
            for (const auto& [state, n] : counts.items())
                s["states"].push_back({{"state", state}, {"count", n}});
            for (const auto& [port, states] : member(m_doc, "by_local_port").items()) {
                for (const auto& [state, n] : states.items())
                    s["ports"].push_back({{"port", port}, {"state", state}, {"count", n}});
            }
            json summary = {{"format", m_doc.value("format", std::string())},
                            {"skipped_total", m_doc.value("skipped_total", 0)}};
            for (const auto& [name, n] : member(m_doc, "totals").items())
                summary[name] = n;
            long long sockets = 0;
            for (const auto& [state, n] : counts.items())
                if (n.is_number())
                    sockets += n.get<long long>();
            summary["sockets"] = sockets;
            s["summary"].push_back(std::move(summary));
            break;
        }
    }
}

const std::vector<json>* RunRecords::records(std::string_view source) const {
    const auto it = m_sources.find(source);
    return it == m_sources.end() ? nullptr : &it->second;
}

std::int64_t RunRecords::endUs() const {
    return m_doc.value("end_us", std::int64_t{0});
}

RunCache::RunCache(ImportReader importReader) : m_importReader(std::move(importReader)) {}

const RunRecords& RunCache::play(const QuizRun& run) {
    const std::string key = run.cacheKey();
    if (const auto it = m_cache.find(key); it != m_cache.end())
        return *it->second;
    json doc;
    try {
        switch (run.type) {
            case QuizRun::Type::Scenario: {
                const ScenarioPlay p = scenarioPlay(run);
                doc = plain(toJson(simulate(p.scenario, p.config)));
                break;
            }
            case QuizRun::Type::Load:
                doc = loadResultToJson(runLoad(loadSpecOf(run)));
                break;
            case QuizRun::Type::Import:
                if (!m_importReader)
                    throw InputError(ErrorId::QuestionRunFailed,
                                     {{"detail", "no reader for pasted listings was given"}});
                doc = m_importReader(run.importText);
                break;
        }
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& e) {
        throw InputError(ErrorId::QuestionRunFailed, {{"detail", e.what()}});
    }
    ++m_played;
    auto rec = std::make_unique<RunRecords>(run.type, std::move(doc));
    const RunRecords& ref = *rec;
    m_cache.emplace(key, std::move(rec));
    return ref;
}

}  // namespace closelab::core::quiz
