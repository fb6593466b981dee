// quiz check: every key computed on every variant, and the invariants each kind needs.
#include "core/quiz/quiz_check.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/quiz/grader.h"
#include "core/quiz/selector.h"

namespace closelab::core::quiz {

namespace {

using json = nlohmann::json;

// The leaf selectors of a claim that select no value on the run.
void brokenLeaves(const json& claim, const RunRecords& rec, const std::string& where,
                  std::vector<std::string>& out) {
    for (const char* list : {"all", "any"})
        if (const auto it = claim.find(list); it != claim.end()) {
            for (const auto& c : *it)
                brokenLeaves(c, rec, where, out);
            return;
        }
    if (const auto n = claim.find("not"); n != claim.end()) {
        brokenLeaves(*n, rec, where, out);
        return;
    }
    if (const auto k = claim.find("key"); k != claim.end() && !select(*k, rec).value)
        out.push_back(where + ": the key " + selectorText(*k) + " selects nothing");
}

void checkKind(const Variant& v, RunCache& runs, std::vector<std::string>& out) {
    const Question& q = v.question;
    auto claimsOf = [&](std::size_t i, const char* what) {
        const QuizRun* run = v.runOf(i);
        brokenLeaves(q.choices[i].claim, runs.play(*run), std::string(what) + " " + q.choices[i].id,
                     out);
    };
    const bool hasChoices = !q.choices.empty();
    if (hasChoices) {
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            claimsOf(i, "choice");
        const auto right = correctChoices(v, runs);
        const bool single = q.kind == QuestionKind::Choice || q.kind == QuestionKind::PredictNext;
        if (single && right.size() != 1)
            out.push_back(std::to_string(right.size()) +
                          " choices hold on their runs, exactly one must");
        if (!single && right.empty())
            out.push_back("no choice holds on its run");
        if (right.size() == q.choices.size())
            out.push_back("every choice holds: there is no distractor");
    }
    switch (q.kind) {
        case QuestionKind::PredictNext: {
            const auto at = revealAtUs(v, runs);
            if (!at)
                out.push_back("the pause " + selectorText(q.pause) +
                              " selects no record with t_us");
            const Selection key = select(q.key, runs.play(*v.run));
            if (!key.value)
                out.push_back("the key " + selectorText(q.key) + " selects nothing");
            else if (q.ask == "flags" && !key.value->is_array())
                out.push_back("ask is flags but the key's value is not a flag list");
            if (at && key.record && key.record->contains("t_us") &&
                key.record->at("t_us").is_number() &&
                key.record->at("t_us").get<std::int64_t>() < *at)
                out.push_back("the revealed record comes before the pause");
            break;
        }
        case QuestionKind::PredictValue:
        case QuestionKind::Diagnose:
            if (!hasChoices && !select(q.key, runs.play(*v.run)).value)
                out.push_back("the key " + selectorText(q.key) + " selects nothing");
            break;
        case QuestionKind::FixConfig: {
            const RunRecords& base = runs.play(*v.run);
            brokenLeaves(q.goal, base, "goal", out);
            for (std::size_t i = 0; i < q.guards.size(); ++i)
                brokenLeaves(q.guards[i].claim, base, "guard " + std::to_string(i + 1), out);
            // Every value a knob offers must be one the engine accepts on this run.
            for (const auto& sets : knobCombinations(q)) {
                if (sets.size() != 1)
                    continue;
                try {
                    runs.play(v.run->withSets(sets));
                } catch (const std::exception& e) {
                    out.push_back("the knob setting " + sets[0] + " is refused: " + e.what());
                }
            }
            if (tryFix(v, {}, runs).passes())
                out.push_back("the defaults already pass the goal and guards");
            bool anyPass = false;
            for (const auto& sets : knobCombinations(q)) {
                if (sets.empty())
                    continue;
                try {
                    if (tryFix(v, sets, runs).passes()) {
                        anyPass = true;
                        break;
                    }
                } catch (const InputError&) {
                    // A knob value the engine refuses is the file's problem; reported below if no
                    // other combination passes.
                }
            }
            if (!anyPass)
                out.push_back("no combination of the knobs passes the goal and every guard");
            break;
        }
        case QuestionKind::Order: {
            std::set<std::size_t> seen;
            const RunRecords& rec = runs.play(*v.run);
            for (const auto& item : q.items) {
                const Selection s = select(item.key, rec);
                if (!s.index)
                    out.push_back("item " + item.id + ": " + selectorText(item.key) +
                                  " selects no segment");
                else if (!seen.insert(*s.index).second)
                    out.push_back("item " + item.id + " picks the same segment as another item");
            }
            break;
        }
        default:
            break;
    }
}

}  // namespace

std::vector<std::string> checkVariant(const Variant& v, RunCache& runs) {
    std::vector<std::string> out;
    try {
        if (v.run)
            runs.play(*v.run);
        for (std::size_t i = 0; i < v.choiceRuns.size(); ++i)
            if (v.choiceRuns[i])
                runs.play(*v.choiceRuns[i]);
    } catch (const std::exception& e) {
        out.push_back(std::string("a run cannot be played: ") + e.what());
        return out;
    }
    try {
        checkKind(v, runs, out);
        if (!out.empty())
            return out;
        // The expected answer, typed back, must grade correct.
        const std::string expected = expectedAnswer(v, runs);
        if (expected.empty()) {
            out.push_back("there is no expected answer");
        } else {
            const GradeResult r = grade(v, expected, runs);
            if (!r.correct)
                out.push_back("the expected answer '" + expected + "' does not grade correct");
        }
    } catch (const std::exception& e) {
        out.push_back(e.what());
    }
    return out;
}

CheckReport checkQuestions(const std::vector<Question>& questions,
                           const std::vector<std::uint64_t>& seeds, RunCache& runs,
                           const std::vector<std::string>& knownIds) {
    CheckReport report;
    std::set<std::string> ids(knownIds.begin(), knownIds.end());
    for (const auto& q : questions)
        ids.insert(q.id);
    for (const auto& q : questions) {
        ++report.questions;
        for (const auto& f : q.followUps)
            if (ids.count(f) == 0)
                report.problems.push_back({q.id, 0, "follow-up '" + f + "' is not a question"});
        std::set<std::string> variantTexts;
        for (const auto seed : seeds) {
            ++report.variants;
            try {
                const Variant v = instantiate(q, seed);
                for (auto& m : checkVariant(v, runs))
                    report.problems.push_back({q.id, seed, std::move(m)});
            } catch (const std::exception& e) {
                report.problems.push_back({q.id, seed, e.what()});
            }
        }
    }
    return report;
}

}  // namespace closelab::core::quiz
