// Question files: what loads, and errors that name file:line:column.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/quiz/question_bank.h"
#include "core/quiz/topics.h"

namespace {

using namespace closelab::core;
using namespace closelab::core::quiz;

// One valid choice question; `extra` is spliced in after "kind".
std::string file(const std::string& extra = "", const std::string& topic = "close_states") {
    return R"({"questions": [
{"id": "q-one", "topic": ")" +
           topic + R"(", "kind": "choice", )" + extra + R"(
 "title": {"en": "T", "zh_CN": "题"},
 "text": {"en": "Text", "zh_CN": "文"},
 "explanation": {"en": "E", "zh_CN": "解"},
 "run": {"scenario": "normal-close"},
 "choices": [
  {"id": "a", "text": {"en": "A", "zh_CN": "甲"}, "feedback": {"en": "F", "zh_CN": "反"},
   "claim": {"key": {"from": "segments", "value": "count"}, "op": ">", "value": 0}},
  {"id": "b", "text": {"en": "B", "zh_CN": "乙"}, "feedback": {"en": "F", "zh_CN": "反"},
   "claim": {"key": {"from": "segments", "value": "count"}, "op": "==", "value": 0}}
 ]}
]})";
}

InputError errorOf(const std::string& text) {
    try {
        parseQuestionFile(text, "bank.json");
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return InputError(ErrorId::JsonSyntax, {});
}

TEST(QuizLoader, AValidFileLoads) {
    const auto qs = parseQuestionFile(file(), "bank.json");
    ASSERT_EQ(qs.size(), 1u);
    EXPECT_EQ(qs[0].id, "q-one");
    EXPECT_EQ(qs[0].kind, QuestionKind::Choice);
    EXPECT_EQ(qs[0].choices.size(), 2u);
    EXPECT_EQ(qs[0].text.zhCN, "文");
    EXPECT_EQ(qs[0].line, 2);
}

TEST(QuizLoader, UnknownFieldIsNamedWithLineAndColumn) {
    const auto e = errorOf(file(R"("levle": 2,)"));
    EXPECT_EQ(e.id(), ErrorId::ScenarioUnknownField);
    EXPECT_EQ(e.arg("field"), "levle");
    EXPECT_EQ(e.source(), "bank.json");
    EXPECT_EQ(e.line(), 2);
    EXPECT_GT(e.column(), 40);
    EXPECT_NE(std::string(e.what()).find("bank.json:2:"), std::string::npos) << e.what();
}

TEST(QuizLoader, UnknownTopicAndKind) {
    auto e = errorOf(file("", "timewait"));
    EXPECT_EQ(e.id(), ErrorId::QuestionUnknownTopic);
    EXPECT_EQ(e.line(), 2);
    std::string text = file();
    text.replace(text.find("\"choice\""), 8, "\"quiz\"");
    e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionUnknownKind);
}

TEST(QuizLoader, BothLanguagesMustBePresent) {
    std::string text = file();
    const std::string chinese = R"("zh_CN": "文")";
    text.replace(text.find(chinese), chinese.size(), R"("zh_CN": "")");
    const auto e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionMissingLanguage);
    EXPECT_EQ(e.arg("field"), "text");
    EXPECT_EQ(e.arg("lang"), "zh_CN");
    EXPECT_EQ(e.line(), 4);
}

TEST(QuizLoader, DuplicateIdsAreRefusedInAFileAndAcrossFiles) {
    std::string text = file();
    const std::string one = text.substr(text.find("{\"id\""));
    const std::string two = "{\"questions\": [" + one.substr(0, one.rfind(']')) + "," +
                            one.substr(0, one.rfind(']')) + "]}";
    auto e = errorOf(two);
    EXPECT_EQ(e.id(), ErrorId::ScenarioDuplicate);
    QuestionBank bank;
    bank.addText(file(), "a.json");
    try {
        bank.addText(file(), "b.json");
        FAIL() << "duplicate id across files accepted";
    } catch (const InputError& err) {
        EXPECT_EQ(err.id(), ErrorId::ScenarioDuplicate);
        EXPECT_EQ(err.source(), "b.json");
    }
}

TEST(QuizLoader, SelectorsAreCheckedWhereTheyAre) {
    std::string text = file();
    text.replace(text.find("\"segments\""), 10, "\"segmnts\"");
    auto e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionBadSelector);
    EXPECT_EQ(e.arg("field"), "choices[1].claim.key");
    EXPECT_EQ(e.line(), 9);
    text = file();
    text.replace(text.find("\"op\": \">\""), 9, "\"op\": \"=>\"");
    e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionBadSelector);
    text = file();
    text.replace(text.find("\"value\": \"count\""), 16, "\"value\": \"count\", \"nth\": 0");
    e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionBadSelector);
}

TEST(QuizLoader, ParamsMustBeDeclaredAndWellFormed) {
    std::string text = file();
    text.replace(text.find("\"Text\""), 6, "\"Text {n}\"");
    auto e = errorOf(text);
    EXPECT_EQ(e.id(), ErrorId::QuestionUnknownParam);
    EXPECT_EQ(e.arg("name"), "{n}");
    e = errorOf(file(R"("params": {"n": {"from": 5, "to": 1}},)"));
    EXPECT_EQ(e.id(), ErrorId::ScenarioBadValue);
    // "{1,0}" is SO_LINGER text, not a placeholder.
    text = file();
    text.replace(text.find("\"Text\""), 6, "\"SO_LINGER {1,0}\"");
    EXPECT_NO_THROW(parseQuestionFile(text, "bank.json"));
}

TEST(QuizLoader, RunsAreChecked) {
    std::string text = file();
    text.replace(text.find("normal-close"), 12, "no-such-scenario");
    EXPECT_EQ(errorOf(text).id(), ErrorId::UnknownScenario);
    text = file();
    text.replace(text.find(R"({"scenario": "normal-close"})"), 28,
                 R"({"scenario": "normal-close", "kernel": "linux-2"})");
    EXPECT_EQ(errorOf(text).id(), ErrorId::UnknownKernel);
}

TEST(QuizLoader, KindSpecificFieldsAreRequired) {
    std::string text = file();
    text.replace(text.find("\"choice\""), 8, "\"predict_value\"");
    const auto e = errorOf(text);
    // predict_value has no "choices"
    EXPECT_EQ(e.id(), ErrorId::ScenarioUnknownField);
    EXPECT_EQ(e.arg("field"), "choices");
}

TEST(QuizLoader, SyntaxErrorsCarryThePosition) {
    const auto e = errorOf("{\"questions\": [\n  {\"id\": }\n]}");
    EXPECT_EQ(e.id(), ErrorId::JsonSyntax);
    EXPECT_EQ(e.line(), 2);
}

TEST(QuizLoader, TheBuiltInBankLoadsAndEveryTopicIsKnown) {
    const auto& bank = QuestionBank::builtin();
    EXPECT_GE(bank.questions().size(), 12u);
    for (const auto& q : bank.questions())
        EXPECT_NE(findTopic(q.topic), nullptr) << q.id;
    ASSERT_NE(bank.find("cs-who-time-wait"), nullptr);
    EXPECT_THROW(bank.get("no-such-question"), InputError);
    EXPECT_EQ(topics().size(), 17u);
}

}  // namespace

namespace {

TEST(QuizLoader, EveryTruncationIsATypedErrorNeverACrash) {
    // Bad input gets an InputError with a place, whatever the cut: never another exception.
    const std::string text = file();
    for (std::size_t n = 0; n < text.size(); n += 3) {
        try {
            parseQuestionFile(text.substr(0, n), "cut.json");
            ADD_FAILURE() << "a file cut at " << n << " loaded";
        } catch (const InputError& e) {
            EXPECT_GT(e.line(), 0) << n << ": " << e.what();
        }
    }
}

TEST(QuizLoader, EveryBuiltInFileLoadsOnItsOwn) {
    for (const auto& f : builtinQuestionFiles())
        EXPECT_NO_THROW(parseQuestionFile(f.json, f.name)) << f.name;
    EXPECT_GE(builtinQuestionFiles().size(), 2u);
}

}  // namespace
