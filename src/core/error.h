#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace closelab::core {

// Bad input, typed like notes so the UI can show it in the user's language. The English templates
// are in error_catalog.cpp, marked QT_TRANSLATE_NOOP("closelab::Errors", ...). Ids are append-only.
enum class ErrorId : std::uint16_t {
    UnknownScenario,          // {id}
    UnknownOption,            // {name}
    OptionNotInProfile,       // {name} {kernel} {why}
    ValueNotInteger,          // {name} {value}
    ValueOutOfRange,          // {name} {value} {min} {max}
    ValueNotBool,             // {name} {value}
    ValueNotInEnum,           // {name} {value} {allowed}
    PortRangeMalformed,       // {name} {value}
    PortRangeInverted,        // {name} {low} {high}
    LingerMalformed,          // {name} {value}
    PortListMalformed,        // {name} {value}
    UnknownKernel,            // {kernel}
    UnknownHost,              // {host}
    SetSyntax,                // {text}     --set wants NAME=VALUE
    OptionNotScopable,        // {name}     (reserved)
    JsonSyntax,               // {message}
    ScenarioMissingField,     // {field} {where}
    ScenarioWrongType,        // {field} {expected}
    ScenarioBadValue,         // {field} {value} {why}
    ScenarioUnknownField,     // {field}
    ScenarioUnknownHostRef,   // {field} {host}
    ScenarioUnknownSocket,    // {sock} {host}
    ScenarioDuplicate,        // {field} {value}
    FileUnreadable,           // {path}
    BadSeed,                  // {value}
    LoadAboveZero,            // {name} {max} {value}   (the load's --rate, --duration)
    LoadNeedsRate,            // {name}     (--poisson)
    LoadNeedsRateOrCount,     //
    LoadTooManyAttempts,      // {max}
    LoadNegative,             // {name} {value}
    LoadLossOutOfRange,       // {value}
    LoadLoopbackExcludes,     //
    LoadTooManySamples,       // {max}
    LoadUnknownHost,          // {host} {name} {hosts}
    LoadNotReproducible,      // {message}  (English detail from the kernel lab)
    ScenarioNotObject,        //            (the document is an array or a single value)
    ScenarioTooManySegments,  // {max} {ms}  (the run's segment budget, kMaxScenarioSegments)
    QuestionUnknownTopic,     // {topic} {topics}
    QuestionUnknownKind,      // {kind} {kinds}
    QuestionMissingLanguage,  // {field} {lang}
    QuestionUnknownParam,     // {name} {field}
    QuestionBadSelector,      // {field} {why}
    QuestionUnknown,          // {id}
    AnswerMalformed,          // {answer} {expected}
    AnswerOutsideKnobs,       // {name} {knobs}
    AnswerValueNotAllowed,    // {name} {value} {allowed}
    QuestionRunFailed,        // {detail}  (the run of a question could not be played)
    SweepUnknownParam,        // {name} {allowed}
    SweepNotNumber,           // {name} {value}
    SweepTooManyPoints,       // {count} {max} {max2}
    SweepTooManyAttempts,     // {total} {max}
    SweepSameParam,           // {name}
    CaptureEmpty,             // {path}
    CaptureNotCapture,        // {path} {detail}  (libpcap's English reason)
    CaptureLinkType,          // {path} {linktype} {name}
    CaptureTruncated,         // {path} {packet} {offset} {packets}  (a warning, not thrown)
    CaptureCorruptRecord,     // {path} {packet} {offset} {detail}   (a warning, not thrown)
    CaptureNoConnection,      // {index} {count}
    Count
};

inline constexpr std::size_t kErrorCount = static_cast<std::size_t>(ErrorId::Count);

std::string_view errorKey(ErrorId id);    // stable, e.g. "option.unknown"
const char* errorTemplateEn(ErrorId id);  // "unknown option '{name}'"

// Thrown by every parser and validator in core. what() is the complete English line, prefixed
// with "source:line:column: " when a location is known.
class InputError : public std::exception {
public:
    using Args = std::vector<std::pair<std::string, std::string>>;

    InputError(ErrorId id, Args args);
    InputError(ErrorId id, Args args, std::string source, int line, int column);

    ErrorId id() const { return m_id; }
    const Args& args() const { return m_args; }
    const std::string& source() const { return m_source; }
    int line() const { return m_line; }      // 1-based; 0 when unknown
    int column() const { return m_column; }  // 1-based; 0 when unknown
    std::string_view arg(std::string_view name) const;

    // A copy with a location attached (used when an option error happens inside a file).
    InputError located(std::string source, int line, int column) const;

    const char* what() const noexcept override { return m_what.c_str(); }

private:
    void render();

    ErrorId m_id;
    Args m_args;
    std::string m_source;
    int m_line = 0;
    int m_column = 0;
    std::string m_what;
};

}  // namespace closelab::core
