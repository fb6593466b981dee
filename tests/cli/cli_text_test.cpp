// What closelab-cli says about bad numbers: limits as a person writes them, the value quoted,
// and one rule for an option that several commands share (--seed) or that the core checks (--loss).
#include <gtest/gtest.h>
#include <string>

#include "cli/cli_args.h"
#include "cli/cli_runner.h"

namespace {

using closelab::testing::CliRun;

CliRun cli(const std::string& args) {
    return closelab::testing::runCli(std::string(CLOSELAB_CLI) + " " + args, "cli_text");
}

// The single line a bad argument must produce, checked for exit 2 and nothing on stdout.
std::string errorLine(const std::string& args) {
    const CliRun r = cli(args);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << args << ": " << r.err;
    return r.err;
}

TEST(CliText, NumbersReadAsAPersonWritesThem) {
    using closelab::cli::formatNumber;
    EXPECT_EQ(formatNumber(1e-6), "0.000001");
    EXPECT_EQ(formatNumber(10'000'000.0), "10000000");
    EXPECT_EQ(formatNumber(0.99), "0.99");
    EXPECT_EQ(formatNumber(0.001), "0.001");
    EXPECT_EQ(formatNumber(86'400.0), "86400");
    EXPECT_EQ(formatNumber(0.0), "0");
}

TEST(CliText, RangeErrorsNameLimitsPlainlyAndQuoteTheValue) {
    EXPECT_EQ(errorLine("load --rate 0"),
              "closelab-cli: --rate must be between 0.000001 and 10000000, got '0'\n");
    EXPECT_EQ(errorLine("load --rtt-ms 20000"),
              "closelab-cli: --rtt-ms must be between 0.001 and 10000, got '20000'\n");
    EXPECT_EQ(errorLine("load --count 0"),
              "closelab-cli: --count must be between 1 and 50000000, got '0'\n");
    EXPECT_EQ(errorLine("live --samples 0"),
              "closelab-cli: --samples must be between 1 and 10000000, got '0'\n");
    EXPECT_EQ(errorLine("load --rate 10 --pool 2:0"),
              "closelab-cli: --pool P:N must be between 1 and 1000000000, got '0'\n");
}

TEST(CliText, LossBoundIsTheCoresOwn) {
    // validateLoadSpec() accepts 0 <= P < 1: 0.995 runs, 1 is refused with the core's line.
    EXPECT_EQ(cli("load --count 2 --loss 0.995").code, 0);
    const std::string expected =
        "closelab-cli: --loss must be a probability from 0 up to (not including) 1, got '";
    EXPECT_EQ(errorLine("load --count 2 --loss 1"), expected + "1'\n");
    EXPECT_EQ(errorLine("load --count 2 --loss -0.5"), expected + "-0.5'\n");
    EXPECT_EQ(errorLine("load --count 2 --loss abc"),
              "closelab-cli: --loss expects a number, got 'abc'\n");
    EXPECT_NE(cli("load --help").out.find("from 0 up to (not including) 1"), std::string::npos);
}

TEST(CliText, SeedIsOneRuleForRunLoadAndKernelLoad) {
    const std::string max = "18446744073709551615";
    EXPECT_EQ(cli("run normal-close --seed " + max).code, 0);
    const CliRun load = cli("load --count 2 --seed " + max);
    EXPECT_EQ(load.code, 0) << load.err;
    EXPECT_NE(load.out.find("\"seed\":" + max), std::string::npos);
    for (const std::string command :
         {"run normal-close", "load --count 2", "kernel-load --count 2"}) {
        for (const std::string bad : {"18446744073709551616", "-1", "1.5", "x"}) {
            EXPECT_EQ(errorLine(command + " --seed " + bad),
                      "closelab-cli: --seed expects a whole number 0..2^64-1, got '" + bad + "'\n")
                << command;
        }
        // --help alone shows the help (kernel-load used to ask for --rate or --count first).
        const CliRun help = cli(command.substr(0, command.find(' ')) + " --help");
        EXPECT_EQ(help.code, 0) << command << ": " << help.err;
        EXPECT_NE(help.out.find("0..2^64-1"), std::string::npos) << command;
    }
}

}  // namespace
