// closelab-cli quiz: list, show and answer questions, and check the bank (keys are computed).
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/quiz/grader.h"
#include "core/quiz/question_bank.h"
#include "core/quiz/quiz_check.h"
#include "core/quiz/selector.h"
#include "core/quiz/topics.h"
#include "kernel/socket_text_import.h"

namespace closelab::cli {

namespace {

namespace quiz = core::quiz;
using json = nlohmann::ordered_json;

constexpr const char* kQuizUsage = R"(usage: closelab-cli quiz SUBCOMMAND [OPTIONS]

Questions whose answers the engine computes (docs/questions.md).

  quiz list [--topic T] [--format json|text]
  quiz show ID [--seed N] [--lang en|zh_CN] [--format json|text]
      the variant of seed N (default 1): text, choices, the closelab-cli command of its run,
      the key (selector) and, for predict_next, reveal_at_us
  quiz answer ID --answer VALUE [--seed N] [--lang en|zh_CN] [--format json|text]
      grades VALUE: {"correct", "expected", "feedback", "explanation"}; exit 0 right or wrong,
      2 when VALUE cannot be read (one line naming what is expected)
  quiz check [FILE...] [--seeds N]
      computes every key of the built-in bank (or of FILEs) for seeds 1..N (default 3) and
      checks each question is sound; prints what is broken; exit 0 only if all hold

  --bank FILE   (list, show, answer) add a question file of your own to the built-in bank
)";

quiz::RunCache makeCache() {
    return quiz::RunCache([](std::string_view text) {
        return nlohmann::json::parse(kernel::toJson(kernel::importSocketText(text)).dump());
    });
}

struct Common {
    std::string id;
    std::string format = "text";
    std::string lang = "en";
    std::uint64_t seed = 1;
    std::string topic;
    std::string answer;
    bool haveAnswer = false;
    std::vector<std::string> banks;
    std::vector<std::string> files;
    long long seeds = 3;
};

Common parseCommon(const std::string& sub, const Args& args, std::size_t from) {
    Common c;
    auto value = [&](std::size_t& i) -> const std::string& {
        if (i + 1 >= args.size())
            throw UsageError(args[i] + " needs a value");
        return args[++i];
    };
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--format") {
            c.format = value(i);
            if (c.format != "json" && c.format != "text")
                throw UsageError("--format must be json or text, got '" + c.format + "'");
        } else if (a == "--lang") {
            c.lang = value(i);
            if (c.lang != "en" && c.lang != "zh_CN")
                throw UsageError("--lang must be en or zh_CN, got '" + c.lang + "'");
        } else if (a == "--seed" && sub != "list" && sub != "check") {
            c.seed = parseSeed(value(i));
        } else if (a == "--topic" && sub == "list") {
            c.topic = value(i);
            if (quiz::findTopic(c.topic) == nullptr)
                throw UsageError(
                    core::InputError(core::ErrorId::QuestionUnknownTopic,
                                     {{"topic", c.topic}, {"topics", "closelab-cli quiz list"}})
                        .what());
        } else if (a == "--answer" && sub == "answer") {
            c.answer = value(i);
            c.haveAnswer = true;
        } else if (a == "--bank" && sub != "check") {
            c.banks.push_back(value(i));
        } else if (a == "--seeds" && sub == "check") {
            c.seeds = parseInteger(a, value(i), 1, 100);
        } else if (!a.empty() && a[0] == '-') {
            throw UsageError("quiz " + sub + ": unknown option '" + a + "' (try quiz --help)");
        } else if (sub == "check") {
            c.files.push_back(a);
        } else if ((sub == "show" || sub == "answer") && c.id.empty()) {
            c.id = a;
        } else {
            throw UsageError("quiz " + sub + ": unexpected argument '" + a + "'");
        }
    }
    if ((sub == "show" || sub == "answer") && c.id.empty())
        throw UsageError("quiz " + sub +
                         ": which question? (closelab-cli quiz list shows the ids)");
    if (sub == "answer" && !c.haveAnswer)
        throw UsageError("quiz answer needs --answer VALUE");
    return c;
}

quiz::QuestionBank bankFor(const Common& c) {
    quiz::QuestionBank bank = quiz::QuestionBank::builtin();
    for (const auto& f : c.banks)
        bank.addFile(f);
    return bank;
}

json localized(const core::LocalizedText& t) {
    return {{"en", t.en}, {"zh_CN", t.zhCN}};
}

json toOrdered(const nlohmann::json& j) {
    return json::parse(j.dump());
}

int list(const Common& c) {
    const auto bank = bankFor(c);
    json out = json::array();
    for (const auto& q : bank.questions()) {
        if (!c.topic.empty() && q.topic != c.topic)
            continue;
        out.push_back({{"id", q.id},
                       {"topic", q.topic},
                       {"kind", std::string(quiz::kindName(q.kind))},
                       {"title", localized(q.title)}});
    }
    if (c.format == "json") {
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    for (const auto& q : out)
        std::cout << q["id"].get<std::string>() << "  [" << q["topic"].get<std::string>() << ", "
                  << q["kind"].get<std::string>() << "]  " << q["title"][c.lang].get<std::string>()
                  << '\n';
    return 0;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        out += out.empty() ? "" : " ";
        out += s.find_first_of(" \t,") == std::string::npos ? s : "'" + s + "'";
    }
    return out;
}

int show(const Common& c) {
    const auto bank = bankFor(c);
    const quiz::Question& base = bank.get(c.id);
    const quiz::Variant v = quiz::instantiate(base, c.seed);
    const quiz::Question& q = v.question;
    const bool zh = c.lang == "zh_CN";
    quiz::RunCache runs = makeCache();
    json out;
    out["id"] = q.id;
    out["kind"] = std::string(quiz::kindName(q.kind));
    out["topic"] = q.topic;
    out["level"] = q.level;
    out["seed"] = c.seed;
    out["title"] = q.title.text(zh);
    out["text"] = q.text.text(zh);
    if (!v.params.empty()) {
        json p = json::object();
        for (const auto& [name, value] : v.params)
            p[name] = toOrdered(value);
        out["params"] = p;
    }
    if (!q.choices.empty()) {
        json ch = json::array();
        for (const auto& choice : q.choices)
            ch.push_back({{"id", choice.id}, {"text", choice.text.text(zh)}});
        out["choices"] = ch;
    }
    if (!q.items.empty()) {
        json items = json::array();
        for (const auto& i : q.items)
            items.push_back({{"id", i.id}, {"label", i.label.text(zh)}, {"key", toOrdered(i.key)}});
        out["items"] = items;
    }
    if (!q.knobs.empty()) {
        json knobs = json::array();
        for (const auto& k : q.knobs) {
            json o = {{"name", k.name}};
            if (!k.values.empty())
                o["values"] = k.values;
            else
                o["from"] = *k.from, o["to"] = *k.to;
            knobs.push_back(o);
        }
        out["knobs"] = knobs;
    }
    if (q.listing)
        out["listing"] = q.listing->text(zh);
    if (v.run)
        out["run"] = v.run->cliArgs();
    if (!q.key.is_null())
        out["key"] = toOrdered(q.key);
    else if (!q.goal.is_null())
        out["key"] = toOrdered(q.goal);
    if (!q.ask.empty())
        out["ask"] = q.ask;
    if (!q.unit.empty())
        out["unit"] = q.unit;
    if (q.kind == quiz::QuestionKind::PredictNext) {
        const auto at = quiz::revealAtUs(v, runs);
        out["pause"] = toOrdered(q.pause);
        out["reveal_at_us"] = at ? json(*at) : json(nullptr);
    }
    if (c.format == "json") {
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    std::cout << q.id << " (" << out["kind"].get<std::string>() << ", " << q.topic << ", seed "
              << c.seed << ")\n"
              << out["title"].get<std::string>() << "\n\n"
              << out["text"].get<std::string>() << '\n';
    if (q.listing)
        std::cout << '\n' << q.listing->text(zh) << '\n';
    for (const auto& choice : q.choices)
        std::cout << "  " << choice.id << ") " << choice.text.text(zh) << '\n';
    for (const auto& i : q.items)
        std::cout << "  " << i.id << ": " << i.label.text(zh) << '\n';
    for (const auto& k : q.knobs) {
        const std::string values = k.values.empty()
                                       ? std::to_string(*k.from) + ".." + std::to_string(*k.to)
                                       : joined(k.values);
        if (zh)
            std::cout << "  可以把 " << k.name << " 设为 " << values << '\n';
        else
            std::cout << "  you may set " << k.name << " to " << values << '\n';
    }
    if (v.run && v.run->type != quiz::QuizRun::Type::Import)
        std::cout << "\nrun: closelab-cli " << joined(v.run->cliArgs()) << '\n';
    if (out.contains("key"))
        std::cout << "key: " << out["key"].dump() << '\n';
    if (out.contains("reveal_at_us") && !out["reveal_at_us"].is_null())
        std::cout << "reveal_at_us: " << out["reveal_at_us"].get<std::int64_t>() << '\n';
    return 0;
}

int answer(const Common& c) {
    const auto bank = bankFor(c);
    const quiz::Variant v = quiz::instantiate(bank.get(c.id), c.seed);
    quiz::RunCache runs = makeCache();
    const quiz::GradeResult r = quiz::grade(v, c.answer, runs);
    const bool zh = c.lang == "zh_CN";
    if (c.format == "json") {
        json out;
        out["correct"] = r.correct;
        out["expected"] = r.expected;
        out["feedback"] = r.feedbackText(zh);
        out["explanation"] = r.explanation.text(zh);
        json details = json::array();
        for (const auto& f : r.feedback)
            details.push_back({{"id", f.id},
                               {"chosen", f.chosen},
                               {"correct", f.correct},
                               {"text", f.text.text(zh)}});
        out["details"] = details;
        if (v.question.kind == quiz::QuestionKind::FixConfig) {
            out["goal_met"] = r.goalMet;
            json side = json::array();
            for (const auto& s : r.sideEffects)
                side.push_back(s.text(zh));
            out["side_effects"] = side;
        }
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    std::cout << (r.correct ? (zh ? "正确" : "correct") : (zh ? "错误" : "wrong"))
              << (zh ? "。答案：" : ". Expected: ") << r.expected << '\n';
    const std::string fb = r.feedbackText(zh);
    if (!fb.empty())
        std::cout << fb << '\n';
    std::cout << r.explanation.text(zh) << '\n';
    return 0;
}

int check(const Common& c) {
    std::vector<quiz::Question> questions;
    std::vector<std::string> known;
    if (c.files.empty()) {
        questions = quiz::QuestionBank::builtin().questions();
    } else {
        quiz::QuestionBank bank;
        for (const auto& f : c.files)
            bank.addFile(f);
        questions = bank.questions();
        for (const auto& q : quiz::QuestionBank::builtin().questions())
            known.push_back(q.id);
    }
    std::vector<std::uint64_t> seeds;
    for (long long s = 1; s <= c.seeds; ++s)
        seeds.push_back(static_cast<std::uint64_t>(s));
    quiz::RunCache runs = makeCache();
    const quiz::CheckReport report = quiz::checkQuestions(questions, seeds, runs, known);
    for (const auto& p : report.problems) {
        std::cout << p.questionId;
        if (p.seed != 0)
            std::cout << " (seed " << p.seed << ")";
        std::cout << ": " << p.message << '\n';
    }
    std::cout << "quiz check: " << report.questions << " questions, " << report.variants
              << " variants, " << runs.runsPlayed() << " runs, " << report.problems.size()
              << (report.problems.size() == 1 ? " problem" : " problems") << '\n';
    return report.ok() ? 0 : 1;
}

}  // namespace

int cmdQuiz(const Args& args) {
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        (args.empty() ? std::cerr : std::cout) << kQuizUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string& sub = args[0];
    for (std::size_t i = 1; i < args.size(); ++i)
        if (args[i] == "-h" || args[i] == "--help") {
            std::cout << kQuizUsage;
            return 0;
        }
    if (sub != "list" && sub != "show" && sub != "answer" && sub != "check")
        throw UsageError("quiz: unknown subcommand '" + sub + "' (list, show, answer, check)");
    try {
        const Common c = parseCommon(sub, args, 1);
        if (sub == "list")
            return list(c);
        if (sub == "show")
            return show(c);
        if (sub == "answer")
            return answer(c);
        return check(c);
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace closelab::cli
