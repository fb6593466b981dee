#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/question.h"

namespace closelab::core::quiz {

// A question file's text, embedded at build time from resources/questions/*.json.
struct BuiltinQuestionFile {
    std::string_view name;  // "close-states.json"
    std::string_view json;
};
const std::vector<BuiltinQuestionFile>& builtinQuestionFiles();

// Parses and validates one question file ({"questions": [...]}). Errors are InputErrors naming
// sourceName, line and column: unknown fields, a missing language, an unknown topic or kind,
// fields the kind needs, params, selectors and claims. Ids are checked to be unique in the file.
std::vector<Question> parseQuestionFile(std::string_view json, std::string_view sourceName);

// Questions from one or more files, ids unique across all of them.
class QuestionBank {
public:
    // The embedded bank (parsed once; a broken embedded file throws on first use).
    static const QuestionBank& builtin();

    // Adds a file's questions; throws InputError for a bad file or an id already in the bank.
    void addText(std::string_view json, std::string_view sourceName);
    // Reads a file from disk (a teacher's own bank, `quiz check FILE`). Throws InputError
    // (FileUnreadable, ...).
    void addFile(const std::string& path);

    const std::vector<Question>& questions() const { return m_questions; }
    // nullptr when the id is not in the bank.
    const Question* find(std::string_view id) const;
    // Throws InputError(QuestionUnknown).
    const Question& get(std::string_view id) const;

private:
    std::vector<Question> m_questions;
};

}  // namespace closelab::core::quiz
