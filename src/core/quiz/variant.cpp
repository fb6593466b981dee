// Variants: params drawn from the seed, substituted into the question.
#include "core/quiz/variant.h"

#include <cmath>

#include "core/rng.h"

namespace closelab::core::quiz {

namespace {

using json = nlohmann::json;
using Params = std::vector<std::pair<std::string, json>>;

std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string textOf(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    return v.dump();
}

const json* paramValue(const Params& params, std::string_view name) {
    for (const auto& [n, v] : params)
        if (n == name)
            return &v;
    return nullptr;
}

json substituteJson(const json& j, const Params& params) {
    if (j.is_string()) {
        const std::string& s = j.get_ref<const std::string&>();
        // A whole "{NAME}" becomes the param's value with its type (a number stays a number).
        if (s.size() > 2 && s.front() == '{' && s.back() == '}')
            if (const json* v = paramValue(params, s.substr(1, s.size() - 2)))
                return *v;
        return substitute(s, params);
    }
    if (j.is_array()) {
        json out = json::array();
        for (const auto& e : j)
            out.push_back(substituteJson(e, params));
        return out;
    }
    if (j.is_object()) {
        if (const auto p = j.find("param"); p != j.end() && p->is_string()) {
            if (const json* v = paramValue(params, p->get<std::string>()); v && v->is_number()) {
                const double times = j.value("times", 1.0);
                const double plus = j.value("plus", 0.0);
                const double r = v->get<double>() * times + plus;
                if (std::floor(r) == r && std::fabs(r) < 9e15)
                    return json(static_cast<std::int64_t>(r));
                return json(r);
            }
        }
        json out = json::object();
        for (const auto& [k, v] : j.items())
            out[k] = substituteJson(v, params);
        return out;
    }
    return j;
}

void substituteText(LocalizedText& t, const Params& params) {
    t.en = substitute(t.en, params);
    t.zhCN = substitute(t.zhCN, params);
}

}  // namespace

std::string substitute(const std::string& text, const Params& params) {
    if (params.empty() || text.find('{') == std::string::npos)
        return text;
    std::string out = text;
    for (const auto& [name, value] : params) {
        const std::string pat = "{" + name + "}";
        const std::string rep = textOf(value);
        for (std::size_t pos = out.find(pat); pos != std::string::npos;
             pos = out.find(pat, pos + rep.size()))
            out.replace(pos, pat.size(), rep);
    }
    return out;
}

const QuizRun* Variant::runOf(std::size_t choice) const {
    if (choice < choiceRuns.size() && choiceRuns[choice])
        return &*choiceRuns[choice];
    return run ? &*run : nullptr;
}

Variant instantiate(const Question& question, std::uint64_t seed) {
    Variant v;
    v.seed = seed;
    Rng rng(seed ^ fnv1a64(question.id));
    for (const auto& p : question.params) {
        if (!p.oneOf.empty()) {
            v.params.emplace_back(p.name,
                                  p.oneOf[rng.below(static_cast<std::uint32_t>(p.oneOf.size()))]);
        } else {
            const auto span = static_cast<std::uint64_t>(p.to - p.from) + 1;
            const std::uint64_t off = span > 0xFFFFFFFFULL
                                          ? rng.next() % span
                                          : rng.below(static_cast<std::uint32_t>(span));
            v.params.emplace_back(p.name, json(p.from + static_cast<std::int64_t>(off)));
        }
    }
    const Params& ps = v.params;
    Question q = question;
    substituteText(q.title, ps);
    substituteText(q.text, ps);
    substituteText(q.explanation, ps);
    q.run = substituteJson(q.run, ps);
    q.key = substituteJson(q.key, ps);
    q.pause = substituteJson(q.pause, ps);
    q.goal = substituteJson(q.goal, ps);
    if (q.goalFeedback)
        substituteText(*q.goalFeedback, ps);
    for (auto& c : q.choices) {
        substituteText(c.text, ps);
        substituteText(c.feedback, ps);
        c.claim = substituteJson(c.claim, ps);
        c.run = substituteJson(c.run, ps);
    }
    for (auto& g : q.guards) {
        g.claim = substituteJson(g.claim, ps);
        substituteText(g.feedback, ps);
    }
    for (auto& i : q.items) {
        substituteText(i.label, ps);
        i.key = substituteJson(i.key, ps);
    }
    for (auto& k : q.knobs)
        for (auto& val : k.values)
            val = substitute(val, ps);
    if (!q.run.is_null())
        v.run = QuizRun::fromJson(q.run);
    for (const auto& c : q.choices)
        v.choiceRuns.push_back(c.run.is_null() ? std::nullopt
                                               : std::optional<QuizRun>(QuizRun::fromJson(c.run)));
    v.question = std::move(q);
    return v;
}

}  // namespace closelab::core::quiz
