// Grading the seven kinds against keys computed on the runs.
#include "core/quiz/grader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/options.h"
#include "core/quiz/selector.h"
#include "core/recording.h"
#include "core/tcp_state.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core::quiz {

namespace {

using json = nlohmann::json;

[[noreturn]] void malformed(std::string_view answer, const char* expected,
                            InputError::Args extra = {}) {
    InputError::Args args = {{"answer", std::string(answer)}, {"expected", expected}};
    for (auto& a : extra)
        args.push_back(std::move(a));
    throw InputError(ErrorId::AnswerMalformed, std::move(args));
}

[[noreturn]] void brokenKey(const std::string& field) {
    throw InputError(ErrorId::QuestionBadSelector,
                     {{"field", field},
                      {"why", QT_TRANSLATE_NOOP("closelab::Errors",
                                                "it selects nothing on the question's run")}});
}

std::string trim(std::string_view s) {
    std::size_t a = 0;
    std::size_t b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a])))
        ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1])))
        --b;
    return std::string(s.substr(a, b - a));
}

std::string upper(std::string s) {
    for (auto& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> tokens(std::string_view s, std::string_view seps) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (seps.find(c) != std::string_view::npos) {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty())
            out += sep;
        out += s;
    }
    return out;
}

const RunRecords& playRun(const Variant& v, RunCache& runs) {
    if (!v.run)
        brokenKey("run");
    return runs.play(*v.run);
}

json keyValue(const Variant& v, RunCache& runs) {
    const Selection sel = select(v.question.key, playRun(v, runs));
    if (!sel.value)
        brokenKey("key");
    return *sel.value;
}

// ---- choices -------------------------------------------------------------------------------

std::vector<std::string> choiceIds(const Question& q) {
    std::vector<std::string> ids;
    for (const auto& c : q.choices)
        ids.push_back(c.id);
    return ids;
}

std::set<std::string> readChoiceAnswer(const Question& q, std::string_view answer, bool single) {
    const auto ids = choiceIds(q);
    const std::string list = join(ids, ", ");
    const auto picked = tokens(answer, ", ;");
    if (picked.empty() || (single && picked.size() != 1))
        malformed(answer,
                  single ? QT_TRANSLATE_NOOP("closelab::Errors", "one choice id of {ids}")
                         : QT_TRANSLATE_NOOP("closelab::Errors",
                                             "choice ids of {ids}, separated by commas"),
                  {{"ids", list}});
    std::set<std::string> out;
    for (const auto& p : picked) {
        auto it = std::find_if(ids.begin(), ids.end(),
                               [&](const std::string& id) { return upper(id) == upper(p); });
        if (it == ids.end())
            malformed(answer,
                      single ? QT_TRANSLATE_NOOP("closelab::Errors", "one choice id of {ids}")
                             : QT_TRANSLATE_NOOP("closelab::Errors",
                                                 "choice ids of {ids}, separated by commas"),
                      {{"ids", list}});
        out.insert(*it);
    }
    return out;
}

GradeResult gradeChoices(const Variant& v, std::string_view answer, RunCache& runs, bool single) {
    const Question& q = v.question;
    const auto picked = readChoiceAnswer(q, answer, single);
    const auto right = correctChoices(v, runs);
    GradeResult r;
    r.expected = join(right, ",");
    r.correct = std::set<std::string>(right.begin(), right.end()) == picked;
    // The chosen choices first (why each is right or wrong), then the right ones missed.
    for (const bool chosenPass : {true, false}) {
        for (const auto& c : q.choices) {
            const bool chosen = picked.count(c.id) > 0;
            const bool isRight = std::find(right.begin(), right.end(), c.id) != right.end();
            if (chosen == chosenPass && (chosen || isRight))
                r.feedback.push_back({c.id, chosen, isRight, c.feedback});
        }
    }
    return r;
}

// ---- predict_next / predict_value ----------------------------------------------------------

bool knownFlag(const std::string& f) {
    static const std::set<std::string> kFlags = {"SYN", "ACK", "FIN", "RST",
                                                 "PSH", "URG", "ECE", "CWR"};
    return kFlags.count(f) > 0;
}

std::set<std::string> readFlags(std::string_view answer) {
    const auto parts = tokens(upper(std::string(answer)), ", +|/");
    if (parts.empty())
        malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors",
                                            "TCP flags such as FIN,ACK (SYN ACK FIN RST PSH)"));
    std::set<std::string> out;
    for (const auto& p : parts) {
        if (!knownFlag(p))
            malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors",
                                                "TCP flags such as FIN,ACK (SYN ACK FIN RST PSH)"));
        out.insert(p);
    }
    return out;
}

std::string readState(std::string_view answer) {
    std::string a = upper(trim(answer));
    std::replace(a.begin(), a.end(), ' ', '_');
    const auto s = parseState(a);
    if (!s)
        malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors",
                                            "a TCP state name such as TIME_WAIT or LAST_ACK"));
    return std::string(stateName(*s));
}

std::vector<std::string> timerNames() {
    std::vector<std::string> out;
    for (int k = 0; k <= static_cast<int>(TimerKind::Syn); ++k)
        out.emplace_back(timerKindName(static_cast<TimerKind>(k)));
    return out;
}

std::string readTimer(std::string_view answer) {
    std::string a = upper(trim(answer));
    std::replace(a.begin(), a.end(), '-', '_');
    std::replace(a.begin(), a.end(), ' ', '_');
    const auto names = timerNames();
    if (std::find(names.begin(), names.end(), a) == names.end())
        malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors", "a timer name: {timers}"),
                  {{"timers", join(names, ", ")}});
    return a;
}

std::string flagsText(const json& v) {
    std::vector<std::string> f;
    if (v.is_array())
        for (const auto& e : v)
            f.push_back(e.is_string() ? e.get<std::string>() : e.dump());
    else if (v.is_string())
        return v.get<std::string>();
    return join(f, ",");
}

// A key's value as a word: strings as they are, anything else as its JSON text.
std::string wordOf(const json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

double unitFactorUs(const std::string& unit) {
    if (unit == "ms")
        return 1e3;
    if (unit == "s")
        return 1e6;
    return 1.0;
}

bool isTimeUnit(const std::string& u) {
    return u == "us" || u == "ms" || u == "s";
}

std::string numberText(double x) {
    if (std::floor(x) == x && std::fabs(x) < 9e15)
        return std::to_string(static_cast<std::int64_t>(x));
    std::ostringstream s;
    s.precision(12);
    s << x;
    return s.str();
}

// The key as a number in the answer's unit.
double expectedNumber(const Question& q, const json& key) {
    const double k = key.get<double>();  // callers check key.is_number()
    if (isTimeUnit(q.unit)) {
        const std::string ku = q.keyUnit.empty() ? "us" : q.keyUnit;
        return k * unitFactorUs(ku) / unitFactorUs(q.unit);
    }
    return k;
}

double readNumber(const Question& q, std::string_view answer) {
    std::string a = trim(answer);
    std::string clean;
    for (char c : a)
        if (c != '_' && c != ',')
            clean += c;
    // An optional unit suffix: "60s", "60000 ms", "60 000 000 us".
    double factor = 1.0;
    if (isTimeUnit(q.unit)) {
        for (const char* suffix : {"us", "µs", "ms", "s"}) {
            const std::string sfx = suffix;
            if (clean.size() > sfx.size() &&
                clean.compare(clean.size() - sfx.size(), sfx.size(), sfx) == 0) {
                factor = unitFactorUs(sfx == "µs" ? "us" : sfx) / unitFactorUs(q.unit);
                clean = clean.substr(0, clean.size() - sfx.size());
                break;
            }
        }
    }
    std::string digits;
    for (char c : clean)
        if (c != ' ')
            digits += c;
    char* end = nullptr;
    const double x = std::strtod(digits.c_str(), &end);
    if (digits.empty() || end != digits.c_str() + digits.size() || !std::isfinite(x))
        malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors", "a number (in {unit})"),
                  {{"unit", q.unit.empty() ? "count" : q.unit}});
    return x * factor;
}

GradeResult gradeValue(const Variant& v, std::string_view answer, RunCache& runs) {
    const Question& q = v.question;
    const json key = keyValue(v, runs);
    GradeResult r;
    const bool numeric = key.is_number() && q.unit != "errno" && q.unit != "state" &&
                         q.unit != "flags" && q.unit != "text";
    if (numeric) {
        const double want = expectedNumber(q, key);
        const double got = readNumber(q, answer);
        double tol = 1e-9 * std::max(1.0, std::fabs(want));
        if (q.tolerance)
            tol = std::max({tol, q.tolerance->abs, q.tolerance->rel * std::fabs(want)});
        r.correct = std::fabs(got - want) <= tol;
        r.expected = numberText(want);
        return r;
    }
    if (q.unit == "flags" || key.is_array()) {
        r.correct = valuesEqual(
            key,
            json(join(std::vector<std::string>(readFlags(answer).begin(), readFlags(answer).end()),
                      ",")));
        r.expected = flagsText(key);
        return r;
    }
    const std::string want = key.is_string() ? key.get<std::string>() : key.dump();
    r.expected = want;
    if (q.unit == "state") {
        r.correct = readState(answer) == want;
        return r;
    }
    const std::string a = trim(answer);
    if (a.empty())
        malformed(answer,
                  q.unit == "errno"
                      ? QT_TRANSLATE_NOOP("closelab::Errors", "an errno name such as EADDRNOTAVAIL")
                      : QT_TRANSLATE_NOOP("closelab::Errors", "a word"));
    if (q.unit == "errno" &&
        (a.size() < 2 || std::toupper(static_cast<unsigned char>(a[0])) != 'E' ||
         a.find_first_of(" ,") != std::string::npos))
        malformed(answer,
                  QT_TRANSLATE_NOOP("closelab::Errors", "an errno name such as EADDRNOTAVAIL"));
    r.correct = upper(a) == upper(want);
    return r;
}

GradeResult gradeNext(const Variant& v, std::string_view answer, RunCache& runs) {
    const Question& q = v.question;
    if (!q.choices.empty())
        return gradeChoices(v, answer, runs, true);
    const json key = keyValue(v, runs);
    GradeResult r;
    if (q.ask == "flags") {
        const auto got = readFlags(answer);
        r.expected = flagsText(key);
        r.correct = valuesEqual(key, json(std::vector<std::string>(got.begin(), got.end())));
    } else if (q.ask == "state") {
        r.expected = wordOf(key);
        r.correct = readState(answer) == r.expected;
    } else {
        r.expected = wordOf(key);
        r.correct = readTimer(answer) == upper(r.expected);
    }
    return r;
}

// ---- fix_config ----------------------------------------------------------------------------

const LocalizedText kGoalMissed = {
    "The goal still fails with these settings.",
    "用这些设置，目标仍未达成。",
};

std::vector<std::string> knobValues(const Knob& k) {
    if (!k.values.empty())
        return k.values;
    std::vector<std::string> out;
    const std::int64_t span = *k.to - *k.from;
    if (span < 12) {
        for (std::int64_t x = *k.from; x <= *k.to; ++x)
            out.push_back(std::to_string(x));
    } else {
        for (int i = 0; i < 12; ++i)
            out.push_back(std::to_string(*k.from + span * i / 11));
    }
    return out;
}

bool knobAllows(const Knob& k, const std::string& value) {
    if (!k.values.empty())
        return std::find(k.values.begin(), k.values.end(), value) != k.values.end();
    char* end = nullptr;
    const long long x = std::strtoll(value.c_str(), &end, 10);
    return !value.empty() && end == value.c_str() + value.size() && x >= *k.from && x <= *k.to;
}

// "a=1 b=2", "a=1,b=2", "client.SO_LINGER=1,0 x=5": a piece without '=' belongs to the setting
// before it (SO_LINGER's "1,0", a port range's "40000 40099").
std::vector<std::pair<std::string, std::string>> readSettings(std::string_view answer) {
    std::vector<std::pair<std::string, std::string>> out;
    std::string cur;
    char lastSep = ' ';
    auto flush = [&](const std::string& piece, char sep) {
        if (piece.empty())
            return;
        if (piece.find('=') == std::string::npos) {
            if (out.empty())
                malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "NAME=VALUE settings separated by spaces"));
            out.back().second += sep;
            out.back().second += piece;
        } else {
            const auto eq = piece.find('=');
            if (eq == 0)
                malformed(answer, QT_TRANSLATE_NOOP("closelab::Errors",
                                                    "NAME=VALUE settings separated by spaces"));
            out.emplace_back(piece.substr(0, eq), piece.substr(eq + 1));
        }
    };
    for (char c : answer) {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
            flush(cur, lastSep);
            cur.clear();
            lastSep = c == ',' ? ',' : ' ';
        } else {
            cur += c;
        }
    }
    flush(cur, lastSep);
    if (out.empty())
        malformed(answer,
                  QT_TRANSLATE_NOOP("closelab::Errors", "NAME=VALUE settings separated by spaces"));
    return out;
}

GradeResult gradeFix(const Variant& v, std::string_view answer, RunCache& runs) {
    const Question& q = v.question;
    std::vector<std::string> knobNames;
    for (const auto& k : q.knobs)
        knobNames.push_back(k.name);
    std::vector<std::string> sets;
    for (const auto& [name, value] : readSettings(answer)) {
        const auto it = std::find_if(q.knobs.begin(), q.knobs.end(),
                                     [&](const Knob& k) { return k.name == name; });
        if (it == q.knobs.end())
            throw InputError(ErrorId::AnswerOutsideKnobs,
                             {{"name", name}, {"knobs", join(knobNames, ", ")}});
        if (!knobAllows(*it, value))
            throw InputError(ErrorId::AnswerValueNotAllowed,
                             {{"name", name},
                              {"value", value},
                              {"allowed", it->values.empty() ? std::to_string(*it->from) + ".." +
                                                                   std::to_string(*it->to)
                                                             : join(it->values, ", ")}});
        sets.push_back(name + "=" + value);
    }
    const FixOutcome out = tryFix(v, sets, runs);
    GradeResult r;
    r.correct = out.passes();
    r.goalMet = out.goalMet;
    // A passing answer is itself an expected one; otherwise search the knobs (played once each,
    // then cached).
    r.expected = r.correct ? join(sets, " ") : expectedAnswer(v, runs);
    if (!out.goalMet)
        r.feedback.push_back({"goal", false, false, q.goalFeedback.value_or(kGoalMissed)});
    for (std::size_t i : out.failedGuards) {
        r.sideEffects.push_back(q.guards[i].feedback);
        r.feedback.push_back(
            {"guard " + std::to_string(i + 1), false, false, q.guards[i].feedback});
    }
    return r;
}

// ---- order ---------------------------------------------------------------------------------

struct OrderSegment {
    std::string id;
    std::size_t index = 0;  // in the run's segments
    std::string from;
    std::string to;
    std::int64_t sentUs = 0;
    std::optional<std::int64_t> arriveUs;
};

std::vector<OrderSegment> orderSegments(const Variant& v, RunCache& runs) {
    const RunRecords& rec = playRun(v, runs);
    std::vector<OrderSegment> out;
    for (std::size_t i = 0; i < v.question.items.size(); ++i) {
        const auto& item = v.question.items[i];
        const Selection sel = select(item.key, rec);
        if (!sel.record)
            brokenKey("items[" + std::to_string(i + 1) + "].key");
        const json& s = *sel.record;
        OrderSegment seg;
        seg.id = item.id;
        seg.index = *sel.index;
        seg.from = s.value("from", std::string());
        seg.to = s.value("to", std::string());
        seg.sentUs = s.value("t_us", std::int64_t{0});
        if (s.contains("arrive_us") && s.at("arrive_us").is_number())
            seg.arriveUs = s.at("arrive_us").get<std::int64_t>();
        out.push_back(std::move(seg));
    }
    return out;
}

// hb[a][b]: a happens before b. Same sender: the earlier send (the run's order breaks ties);
// a message: a arrived at b's sender no later than b was sent. Then the transitive closure.
std::vector<std::vector<bool>> happensBefore(const std::vector<OrderSegment>& segs) {
    const std::size_t n = segs.size();
    std::vector<std::vector<bool>> hb(n, std::vector<bool>(n, false));
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < n; ++b) {
            if (a == b)
                continue;
            const auto& x = segs[a];
            const auto& y = segs[b];
            const bool sameSender =
                x.from == y.from &&
                (x.sentUs < y.sentUs || (x.sentUs == y.sentUs && x.index < y.index));
            const bool delivered = x.arriveUs && x.to == y.from && *x.arriveUs <= y.sentUs;
            hb[a][b] = sameSender || delivered;
        }
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t a = 0; a < n; ++a)
            if (hb[a][k])
                for (std::size_t b = 0; b < n; ++b)
                    if (hb[k][b])
                        hb[a][b] = true;
    return hb;
}

std::vector<std::string> readOrder(const Question& q, std::string_view answer) {
    std::vector<std::string> ids;
    for (const auto& i : q.items)
        ids.push_back(i.id);
    const auto got = tokens(answer, ", ;>");
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (const auto& g : got) {
        auto it = std::find_if(ids.begin(), ids.end(),
                               [&](const std::string& id) { return upper(id) == upper(g); });
        if (it == ids.end() || !seen.insert(*it).second)
            malformed(
                answer,
                QT_TRANSLATE_NOOP("closelab::Errors", "every item id once, in your order: {ids}"),
                {{"ids", join(ids, ",")}});
        out.push_back(*it);
    }
    if (out.size() != ids.size())
        malformed(answer,
                  QT_TRANSLATE_NOOP("closelab::Errors", "every item id once, in your order: {ids}"),
                  {{"ids", join(ids, ",")}});
    return out;
}

}  // namespace

std::string GradeResult::feedbackText(bool chinese) const {
    std::string out;
    for (const auto& f : feedback) {
        if (!out.empty())
            out += '\n';
        out += f.text.text(chinese);
    }
    return out;
}

std::vector<std::string> correctChoices(const Variant& v, RunCache& runs) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.question.choices.size(); ++i) {
        const QuizRun* run = v.runOf(i);
        if (run == nullptr)
            brokenKey("run");
        if (claimHolds(v.question.choices[i].claim, runs.play(*run)))
            out.push_back(v.question.choices[i].id);
    }
    return out;
}

std::optional<std::int64_t> revealAtUs(const Variant& v, RunCache& runs) {
    if (v.question.pause.is_null() || !v.run)
        return std::nullopt;
    const Selection sel = select(v.question.pause, runs.play(*v.run));
    if (!sel.record || !sel.record->contains("t_us") || !sel.record->at("t_us").is_number())
        return std::nullopt;
    return sel.record->at("t_us").get<std::int64_t>();
}

std::vector<std::vector<std::string>> knobCombinations(const Question& q) {
    // Mixed-radix count over (unset, value 1, value 2, ...) per knob; sorted by how many knobs
    // are set, so the first passing combination is the smallest change.
    std::vector<std::vector<std::string>> values;
    for (const auto& k : q.knobs)
        values.push_back(knobValues(k));
    std::vector<std::vector<std::string>> all;
    std::vector<std::size_t> digit(values.size(), 0);
    for (;;) {
        std::vector<std::string> sets;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (digit[i] > 0)
                sets.push_back(q.knobs[i].name + "=" + values[i][digit[i] - 1]);
        all.push_back(std::move(sets));
        if (all.size() >= 4 * kMaxKnobCombinations)
            break;
        std::size_t i = 0;
        while (i < values.size() && ++digit[i] > values[i].size()) {
            digit[i] = 0;
            ++i;
        }
        if (i == values.size())
            break;
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.size() < b.size(); });
    if (all.size() > kMaxKnobCombinations)
        all.resize(kMaxKnobCombinations);
    return all;
}

FixOutcome tryFix(const Variant& v, const std::vector<std::string>& sets, RunCache& runs) {
    if (!v.run)
        brokenKey("run");
    const RunRecords& rec = runs.play(v.run->withSets(sets));
    FixOutcome out;
    out.goalMet = claimHolds(v.question.goal, rec);
    for (std::size_t i = 0; i < v.question.guards.size(); ++i)
        if (!claimHolds(v.question.guards[i].claim, rec))
            out.failedGuards.push_back(i);
    return out;
}

std::vector<std::string> orderBySendTime(const Variant& v, RunCache& runs) {
    auto segs = orderSegments(v, runs);
    std::stable_sort(segs.begin(), segs.end(), [](const OrderSegment& a, const OrderSegment& b) {
        return a.sentUs != b.sentUs ? a.sentUs < b.sentUs : a.index < b.index;
    });
    std::vector<std::string> out;
    for (const auto& s : segs)
        out.push_back(s.id);
    return out;
}

bool orderRespectsHappensBefore(const Variant& v, const std::vector<std::string>& order,
                                RunCache& runs) {
    const auto segs = orderSegments(v, runs);
    const auto hb = happensBefore(segs);
    std::vector<std::size_t> pos;
    for (const auto& id : order) {
        const auto it = std::find_if(segs.begin(), segs.end(),
                                     [&](const OrderSegment& s) { return s.id == id; });
        if (it == segs.end())
            return false;
        pos.push_back(static_cast<std::size_t>(it - segs.begin()));
    }
    for (std::size_t i = 0; i < pos.size(); ++i)
        for (std::size_t j = i + 1; j < pos.size(); ++j)
            if (hb[pos[j]][pos[i]])
                return false;
    return true;
}

std::string expectedAnswer(const Variant& v, RunCache& runs) {
    const Question& q = v.question;
    switch (q.kind) {
        case QuestionKind::Choice:
        case QuestionKind::MultiChoice:
            return join(correctChoices(v, runs), ",");
        case QuestionKind::Diagnose:
            if (!q.choices.empty())
                return join(correctChoices(v, runs), ",");
            break;
        case QuestionKind::PredictNext:
            if (!q.choices.empty())
                return join(correctChoices(v, runs), ",");
            if (q.ask == "flags")
                return flagsText(keyValue(v, runs));
            return wordOf(keyValue(v, runs));
        case QuestionKind::FixConfig:
            for (const auto& sets : knobCombinations(q))
                if (!sets.empty() && tryFix(v, sets, runs).passes())
                    return join(sets, " ");
            return {};
        case QuestionKind::Order:
            return join(orderBySendTime(v, runs), ",");
        case QuestionKind::PredictValue:
            break;
    }
    const json key = keyValue(v, runs);
    const bool numeric = key.is_number() && q.unit != "errno" && q.unit != "state" &&
                         q.unit != "flags" && q.unit != "text";
    if (numeric)
        return numberText(expectedNumber(q, key));
    if (key.is_array())
        return flagsText(key);
    return key.is_string() ? key.get<std::string>() : key.dump();
}

GradeResult grade(const Variant& v, std::string_view answer, RunCache& runs) {
    const Question& q = v.question;
    GradeResult r;
    switch (q.kind) {
        case QuestionKind::Choice:
            r = gradeChoices(v, answer, runs, true);
            break;
        case QuestionKind::MultiChoice:
            r = gradeChoices(v, answer, runs, false);
            break;
        case QuestionKind::PredictNext:
            r = gradeNext(v, answer, runs);
            break;
        case QuestionKind::PredictValue:
            r = gradeValue(v, answer, runs);
            break;
        case QuestionKind::FixConfig:
            r = gradeFix(v, answer, runs);
            break;
        case QuestionKind::Order: {
            const auto order = readOrder(q, answer);
            r.correct = orderRespectsHappensBefore(v, order, runs);
            r.expected = join(orderBySendTime(v, runs), ",");
            break;
        }
        case QuestionKind::Diagnose:
            r = q.choices.empty() ? gradeValue(v, answer, runs)
                                  : gradeChoices(v, answer, runs, false);
            break;
    }
    r.explanation = q.explanation;
    return r;
}

}  // namespace closelab::core::quiz
