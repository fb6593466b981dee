// `closelab-cli load` as users and tools run it: exit codes, one-line errors, JSON and CSV.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_runner.h"

namespace {

using closelab::testing::CliRun;

CliRun cli(const std::string& args) {
    return closelab::testing::runCli(std::string(CLOSELAB_CLI) + " load " + args, "load_cli");
}

TEST(LoadCli, BadInputIsOneLineAndExitTwo) {
    for (const char* args :
         {"--rate 0", "--rate abc", "--count 0", "--closer nobody", "--peer-close sometimes",
          "--pool x", "--loss 2", "--kernel linux-2.2 --rate 1", "--frobnicate",
          "--rate 10 --set net.ipv4.tcp_tw_reuse=7",
          "--rate 10 --set 'net.ipv4.ip_local_port_range=61000 32768'",
          "--rate 10 --set net.ipv4.tcp_tw_recycle=1", "--rate 10 --set nonsense",
          "--rate 10 --set web.net.ipv4.tcp_fin_timeout=3", "--rate 10 --format xml", "--rate",
          "--duration 1"}) {
        const CliRun r = cli(args);
        EXPECT_EQ(r.code, 2) << args;
        EXPECT_TRUE(r.out.empty()) << args;
        ASSERT_FALSE(r.err.empty()) << args;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
        EXPECT_EQ(r.err.rfind("closelab-cli: ", 0), 0u) << r.err;
    }
}

TEST(LoadCli, JsonHasSpecSeriesSummaryAndConnections) {
    const CliRun r = cli("--rate 100 --duration 3 --connections --seed 4");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["summary"]["attempted"], 300);
    EXPECT_EQ(j["connections"].size(), 300u);
    EXPECT_EQ(j["series"]["t_ms"].back(), 3000);
    EXPECT_EQ(j["series"]["client"]["TIME_WAIT"].back(), 300);
    EXPECT_EQ(j["spec"]["seed"], 4);
    EXPECT_EQ(cli("--rate 100 --duration 3 --connections --seed 4").out, r.out);  // deterministic
}

TEST(LoadCli, CsvHasOneRowPerSample) {
    const CliRun r = cli("--rate 10 --duration 5 --format csv --sample-ms 500");
    ASSERT_EQ(r.code, 0) << r.err;
    std::size_t lines = 0;
    for (char c : r.out) {
        lines += c == '\n' ? 1 : 0;
    }
    EXPECT_EQ(lines, 1u + 11u);
    EXPECT_EQ(r.out.rfind("t_ms,client.CLOSED", 0), 0u);
}

TEST(LoadCli, HelpExitsZero) {
    const CliRun r = cli("--help");
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("--peer-close"), std::string::npos);
}

}  // namespace
