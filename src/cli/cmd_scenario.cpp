// closelab-cli list / run: the scenario engine from the command line (issue 3's CLI contract).
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/recording_json.h"
#include "core/scenario.h"
#include "core/simulate.h"

namespace closelab::cli {

namespace {

constexpr std::string_view kListUsage = R"(usage: closelab-cli list [--format json|text]

List the built-in scenarios: id, topic and title.
)";

constexpr std::string_view kRunUsage =
    R"(usage: closelab-cli run ID|FILE [--kernel linux-6|linux-4.9|rfc793]
                        [--set [HOST.]NAME=VALUE]... [--seed N] [--format json|text]

Simulate one scenario (a built-in id or a scenario JSON file) and print its recording.
  --kernel   kernel profile (default: the scenario's, usually linux-6)
  --set      an option for every host or, with a HOST. prefix, for one host:
             net.ipv4.tcp_tw_reuse=1, client.net.ipv4.tcp_fin_timeout=7,
             client.SO_LINGER=1,0, server.SO_REUSEADDR=1, closelab.time_wait_len_ms=0
  --seed     random seed, a whole number 0..2^64-1 (default 1); the same inputs and
             seed give the same output
  --format   json (default) or text (a readable trace)
)";

std::string takeValue(const Args& args, std::size_t& i) {
    if (i + 1 >= args.size())
        throw UsageError(args[i] + " needs a value");
    return args[++i];
}

std::string parseFormat(const std::string& value) {
    if (value != "json" && value != "text")
        throw UsageError("--format must be json or text, got '" + value + "'");
    return value;
}

}  // namespace

int cmdList(const Args& args) {
    std::string format = "json";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            std::cout << kListUsage;
            return 0;
        }
        if (args[i] == "--format") {
            format = parseFormat(takeValue(args, i));
        } else {
            throw UsageError("list: unknown argument '" + args[i] + "'");
        }
    }
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& b : core::builtinScenarios()) {
        const core::Scenario sc = core::parseScenario(b.json, std::string(b.id) + ".json");
        if (format == "text") {
            std::cout << sc.id << "  [" << sc.topic << "]  " << sc.title.en << '\n';
            continue;
        }
        out.push_back({{"id", sc.id}, {"title", sc.title.en}, {"topic", sc.topic}});
    }
    if (format == "json")
        std::cout << out.dump(2) << '\n';
    return 0;
}

int cmdRun(const Args& args) {
    std::optional<std::string> target;
    std::string format = "json";
    core::RunConfig cfg;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& a = args[i];
            if (a == "-h" || a == "--help") {
                std::cout << kRunUsage;
                return 0;
            }
            if (a == "--kernel") {
                const std::string k = takeValue(args, i);
                const auto p = core::parseProfile(k);
                if (!p)
                    throw core::InputError(core::ErrorId::UnknownKernel, {{"kernel", k}});
                cfg.kernel = *p;
            } else if (a == "--set") {
                cfg.overrides.push_back(core::parseOverride(takeValue(args, i)));
            } else if (a == "--seed") {
                cfg.seed = parseSeed(takeValue(args, i));
            } else if (a == "--format") {
                format = parseFormat(takeValue(args, i));
            } else if (!a.empty() && a[0] == '-') {
                throw UsageError("run: unknown option '" + a + "' (try run --help)");
            } else if (!target) {
                target = a;
            } else {
                throw UsageError("run: only one scenario at a time, got '" + *target + "' and '" +
                                 a + "'");
            }
        }
        if (!target)
            throw UsageError("run: which scenario? (closelab-cli list shows the ids)");
        const core::Scenario sc = core::loadScenario(*target);
        const core::Recording rec = core::simulate(sc, cfg);
        if (format == "text")
            std::cout << core::toText(rec);
        else
            std::cout << core::toJson(rec).dump(2) << '\n';
        return 0;
    } catch (const core::InputError& e) {
        throw UsageError(e.what());
    }
}

}  // namespace closelab::cli
