// English error templates (context "closelab::Errors" for lupdate) and InputError.
#include <array>

#include "core/error.h"
#include "core/error_catalog.h"
#include "core/note.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace closelab::core {

namespace {

struct ErrorInfo {
    std::string_view key;
    const char* text;
};

const std::array<ErrorInfo, kErrorCount> kErrors = {{
    {"scenario.unknown",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "unknown scenario '{id}' (closelab-cli list shows the built-ins; a file "
                       "name must end in .json)")},
    {"option.unknown", QT_TRANSLATE_NOOP("closelab::Errors", "unknown option '{name}'")},
    {"option.not_in_profile",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "option '{name}' does not exist in kernel {kernel}: {why}")},
    {"value.not_integer",
     QT_TRANSLATE_NOOP("closelab::Errors", "{name} expects a whole number, got '{value}'")},
    {"value.out_of_range",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name} must be between {min} and {max}, got '{value}'")},
    {"value.not_bool",
     QT_TRANSLATE_NOOP("closelab::Errors", "{name} expects 0 or 1, got '{value}'")},
    {"value.not_in_enum",
     QT_TRANSLATE_NOOP("closelab::Errors", "{name} must be one of {allowed}, got '{value}'")},
    {"port_range.malformed",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name} expects two ports 'LOW HIGH' between 1 and 65535, got '{value}'")},
    {"port_range.inverted",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name}: the low end {low} is above the high end {high}")},
    {"linger.malformed",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name} expects 'ON,SECONDS' such as 1,0 or 0,0 (seconds 0..3600), got "
                       "'{value}'")},
    {"port_list.malformed",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name} expects ports or ranges like '8080,9000-9010', got '{value}'")},
    {"kernel.unknown",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "unknown kernel profile '{kernel}' (use linux-6, linux-4.9 or rfc793)")},
    {"host.unknown",
     QT_TRANSLATE_NOOP("closelab::Errors", "this scenario has no host named '{host}'")},
    {"set.syntax",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--set expects [HOST.]NAME=VALUE, e.g. client.net.ipv4.tcp_fin_timeout=7, "
                       "got '{text}'")},
    {"option.not_scopable",
     QT_TRANSLATE_NOOP("closelab::Errors", "option '{name}' cannot be set for a single host")},
    {"json.syntax", QT_TRANSLATE_NOOP("closelab::Errors", "not valid JSON: {message}")},
    {"scenario.missing_field",
     QT_TRANSLATE_NOOP("closelab::Errors", "missing field '{field}' in {where}")},
    {"scenario.wrong_type",
     QT_TRANSLATE_NOOP("closelab::Errors", "field '{field}' must be {expected}")},
    {"scenario.bad_value",
     QT_TRANSLATE_NOOP("closelab::Errors", "field '{field}' has a bad value '{value}': {why}")},
    {"scenario.unknown_field", QT_TRANSLATE_NOOP("closelab::Errors", "unknown field '{field}'")},
    {"scenario.unknown_host",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "field '{field}' names host '{host}', which is not in 'hosts'")},
    {"scenario.unknown_socket",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "socket '{sock}' on host '{host}' is used before a listen, connect or "
                       "accept created it")},
    {"scenario.duplicate",
     QT_TRANSLATE_NOOP("closelab::Errors", "'{value}' appears twice in '{field}'")},
    {"file.unreadable", QT_TRANSLATE_NOOP("closelab::Errors", "cannot read file '{path}'")},
    {"seed.bad", QT_TRANSLATE_NOOP("closelab::Errors",
                                   "--seed expects a whole number 0..2^64-1, got '{value}'")},
    {"load.above_zero",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name} must be above 0 and at most {max}, got '{value}'")},
    {"load.needs_rate", QT_TRANSLATE_NOOP("closelab::Errors", "{name} needs --rate")},
    {"load.needs_rate_or_count",
     QT_TRANSLATE_NOOP("closelab::Errors", "give --rate, or --count for back-to-back attempts")},
    {"load.too_many_attempts",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--rate x --duration asks for more than {max} attempts; lower the rate, "
                       "shorten the run or give --count")},
    {"load.negative",
     QT_TRANSLATE_NOOP("closelab::Errors", "{name} must not be negative, got '{value}'")},
    {"load.loss_out_of_range",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--loss must be a probability from 0 up to (not including) 1, got "
                       "'{value}'")},
    {"load.loopback_excludes",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--loopback puts both ends on one host: it excludes --clients and --nat")},
    {"load.too_many_samples",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--duration / --sample-ms gives more than {max} samples")},
    {"load.unknown_host",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "unknown host '{host}' in --set {name} (hosts here: {hosts})")},
    {"load.not_reproducible", QT_TRANSLATE_NOOP("closelab::Errors", "{message}")},
    {"scenario.not_object",
     QT_TRANSLATE_NOOP(
         "closelab::Errors",
         "a scenario file holds one JSON object {...}, not a list or a single value")},
    {"scenario.too_many_segments",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "the scenario sends more than {max} segments (the limit was reached at "
                       "{ms} ms): send fewer bytes, repeat fewer times or shorten duration_ms")},
    {"question.unknown_topic",
     QT_TRANSLATE_NOOP("closelab::Errors", "unknown topic '{topic}' (topics: {topics})")},
    {"question.unknown_kind",
     QT_TRANSLATE_NOOP("closelab::Errors", "unknown question kind '{kind}' (kinds: {kinds})")},
    {"question.missing_language",
     QT_TRANSLATE_NOOP("closelab::Errors", "field '{field}' has no '{lang}' text")},
    {"question.unknown_param",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{name}' in '{field}' is not one of the question's params")},
    {"question.bad_selector",
     QT_TRANSLATE_NOOP("closelab::Errors", "bad selector in '{field}': {why}")},
    {"question.unknown",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "unknown question '{id}' (closelab-cli quiz list shows the ids)")},
    {"answer.malformed",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "cannot read the answer '{answer}': expected {expected}")},
    {"answer.outside_knobs",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{name}' is not an option this task lets you change (you may set: "
                       "{knobs})")},
    {"answer.value_not_allowed",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "{name}={value} is not one of the values this task offers ({allowed})")},
    {"question.run_failed",
     QT_TRANSLATE_NOOP("closelab::Errors", "the question's run cannot be played: {detail}")},
    {"sweep.unknown_param",
     QT_TRANSLATE_NOOP("closelab::Errors", "unknown sweep parameter '{name}' (one of {allowed})")},
    {"sweep.not_number",
     QT_TRANSLATE_NOOP("closelab::Errors", "{name} expects a number, got '{value}'")},
    {"sweep.too_many_points",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "the sweep has {count} points, more than the cap of {max} for one "
                       "parameter and {max2} for two")},
    {"sweep.too_many_attempts",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "the sweep makes {total} connection attempts in all, more than the limit of "
                       "{max} (use fewer points, a lower rate or a shorter duration)")},
    {"sweep.same_param",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--param2 must name another parameter than --param, both are '{name}'")},
    {"capture.empty", QT_TRANSLATE_NOOP("closelab::Errors",
                                        "'{path}' is empty: it holds no pcap or pcapng capture")},
    {"capture.not_capture",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{path}' is not a readable pcap or pcapng capture: {detail}")},
    {"capture.link_type",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{path}' has link type {linktype} ({name}); closelab reads Ethernet, "
                       "Linux cooked (v1, v2), raw IP and loopback captures")},
    {"capture.truncated",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{path}' is cut short: packet {packet} at byte {offset} is incomplete; "
                       "the {packets} whole packets before it were read")},
    {"capture.corrupt_record",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "'{path}': packet {packet} at byte {offset} is corrupt ({detail}); reading "
                       "stopped there")},
    {"capture.no_connection",
     QT_TRANSLATE_NOOP("closelab::Errors",
                       "--connection {index}: the capture holds {count} TCP connections")},
}};

}  // namespace

bool isErrorPhraseArg(std::string_view name) {
    return name == "why" || name == "expected" || name == "where" || name == "message";
}

std::vector<std::pair<std::string, std::string>> expandErrorPhrases(
    std::vector<std::pair<std::string, std::string>> args) {
    std::vector<std::pair<std::string, std::string>> data;
    for (const auto& arg : args) {
        if (!isErrorPhraseArg(arg.first))
            data.push_back(arg);
    }
    for (auto& [name, value] : args) {
        if (isErrorPhraseArg(name))
            value = substituteArgs(value, data);
    }
    return args;
}

std::string_view errorKey(ErrorId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kErrors.size() ? kErrors[i].key : std::string_view("?");
}

const char* errorTemplateEn(ErrorId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < kErrors.size() ? kErrors[i].text : "";
}

InputError::InputError(ErrorId id, Args args) : m_id(id), m_args(std::move(args)) {
    render();
}

InputError::InputError(ErrorId id, Args args, std::string source, int line, int column)
    : m_id(id),
      m_args(std::move(args)),
      m_source(std::move(source)),
      m_line(line),
      m_column(column) {
    render();
}

std::string_view InputError::arg(std::string_view name) const {
    for (const auto& [k, v] : m_args) {
        if (k == name)
            return v;
    }
    return {};
}

InputError InputError::located(std::string source, int line, int column) const {
    return InputError(m_id, m_args, std::move(source), line, column);
}

void InputError::render() {
    m_what.clear();
    if (!m_source.empty()) {
        m_what = m_source;
        if (m_line > 0)
            m_what += ':' + std::to_string(m_line) + ':' + std::to_string(m_column);
        m_what += ": ";
    }
    m_what += substituteArgs(errorTemplateEn(m_id), expandErrorPhrases(m_args));
}

}  // namespace closelab::core
