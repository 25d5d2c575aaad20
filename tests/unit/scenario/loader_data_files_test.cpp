// Issue 10, finding 4: the files a scenario names (feeders, lib includes) are read only inside
// the scenario tree (the journey file's folder) or a folder the user allowed; `..` and
// symbolic links that lead out are refused, only regular files are read (no FIFO, device or
// /proc file), and no error repeats a byte of a data file. Each test builds its own tree in a
// fresh temporary folder. The FIFO and /dev/zero cases run in a child process with an alarm
// and an address-space cap, so code that blocks or reads forever fails instead of hanging.
#include "loader_test_support.hpp"
#include "tests/support/sanitizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace logintest::harness::scenario {
namespace {

namespace fs = std::filesystem;
using testing::all_errors;
using ::testing::HasSubstr;
using ::testing::Not;

const char* const step = "<step name=\"s\" url=\"http://127.0.0.1/?u=${row.login}\"><expect "
                         "status=\"200\" clause=\"NS-LOGIN-18\"/></step>";

class DataFilesTest : public ::testing::Test {
protected:
    DataFilesTest() {
        std::string pattern = (fs::temp_directory_path() / "logintest-data-XXXXXX").string();
        root_ = mkdtemp(pattern.data());
        fs::create_directories(root_ / "scen" / "data");
        write(root_ / "secret.csv", "login\nSECRET_ROW_VALUE\n");
        write(root_ / "scen" / "data" / "rows.csv", "login\nИвановИ\n");
    }
    ~DataFilesTest() override {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }

    static void write(const fs::path& path, const std::string& text) {
        std::ofstream(path, std::ios::binary) << text;
    }

    // A journey in root/scen/ whose feeder names `file` as written.
    LoadResult load_feeder(const std::string& file, const LoadOptions& options = {}) const {
        const std::string xml = "<journey name=\"j\">\n<feeder file=\"" + file +
                                "\" as=\"row\"/>\n" + step + "\n</journey>\n";
        return load_journey_text(xml, (root_ / "scen" / "j.xml").string(), SpecIds::builtin(),
                                 standard_variables(), options);
    }

    fs::path root_;
};

TEST_F(DataFilesTest, AFeederInsideTheTreeIsRead) {
    const LoadResult r = load_feeder("data/rows.csv");
    ASSERT_TRUE(r.ok()) << all_errors(r);
    EXPECT_EQ(r.journey->feeder->rows.at(0).at(0), "ИвановИ");
}

TEST_F(DataFilesTest, EtcPasswdIsRefusedAndNeverEchoed) {
    const LoadResult r = load_feeder("/etc/passwd");
    ASSERT_FALSE(r.ok());
    const std::string errors = all_errors(r);
    EXPECT_THAT(errors, HasSubstr("j.xml:2: cannot read the feeder file /etc/passwd: it is "
                                  "outside the scenario tree"));
    EXPECT_THAT(errors, HasSubstr("--allow-data-outside"));
    EXPECT_THAT(errors, Not(HasSubstr("root:")));
    // Allowed explicitly, it is read, and still not a byte of it is in the errors.
    LoadOptions allowed;
    allowed.allowed_dirs = {"/etc"};
    const std::string read = all_errors(load_feeder("/etc/passwd", allowed));
    EXPECT_THAT(read, HasSubstr("column 1 of the header must be named"));
    EXPECT_THAT(read, Not(HasSubstr("root:")));
    EXPECT_THAT(read, Not(HasSubstr("/bin/")));
}

TEST_F(DataFilesTest, ProcSelfEnvironIsRefusedEvenWhenProcIsAllowed) {
    const std::string outside = all_errors(load_feeder("/proc/self/environ"));
    EXPECT_THAT(outside, HasSubstr("is outside the scenario tree"));
    LoadOptions allowed;
    allowed.allowed_dirs = {"/proc"};
    const std::string errors = all_errors(load_feeder("/proc/self/environ", allowed));
    EXPECT_THAT(errors, HasSubstr("is a file of /proc or /sys, not a data file"));
    EXPECT_THAT(errors, Not(HasSubstr("PATH=")));
}

TEST_F(DataFilesTest, DotDotOutOfTheTreeIsRefused) {
    const LoadResult r = load_feeder("../secret.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("secret.csv: it is outside the scenario tree " +
                                         (root_ / "scen").string()));
    EXPECT_FALSE(load_feeder("data/../../secret.csv").ok());
    EXPECT_TRUE(load_feeder("data/../data/rows.csv").ok()) << "`..` that stays inside is fine";
}

TEST_F(DataFilesTest, ASymbolicLinkOutOfTheTreeIsRefused) {
    fs::create_symlink(root_ / "secret.csv", root_ / "scen" / "data" / "link.csv");
    const LoadResult r = load_feeder("data/link.csv");
    ASSERT_FALSE(r.ok());
    EXPECT_THAT(all_errors(r), HasSubstr("it leads through a symbolic link to " +
                                         (root_ / "secret.csv").string()));
    EXPECT_THAT(all_errors(r), Not(HasSubstr("SECRET_ROW_VALUE")));
    // A link that stays inside the tree is followed.
    fs::create_symlink(root_ / "scen" / "data" / "rows.csv", root_ / "scen" / "data" / "alias.csv");
    EXPECT_TRUE(load_feeder("data/alias.csv").ok());
}

TEST_F(DataFilesTest, AnIncludeThroughALinkedLibFolderIsRefused) {
    fs::create_directories(root_ / "elsewhere");
    write(root_ / "elsewhere" / "x.xml",
          "<journey name=\"x\"><step name=\"x\" url=\"http://127.0.0.1/\"><expect status=\"200\" "
          "clause=\"NS-LOGIN-18\"/></step></journey>");
    fs::create_directory_symlink(root_ / "elsewhere", root_ / "scen" / "lib");
    const LoadResult r = load_journey_text(
        "<journey name=\"j\">\n<include journey=\"x\"/>\n</journey>",
        (root_ / "scen" / "j.xml").string(), SpecIds::builtin(), standard_variables());
    EXPECT_THAT(all_errors(r), HasSubstr("x.xml leads through a symbolic link"));
    LoadOptions allowed;
    allowed.allowed_dirs = {(root_ / "elsewhere").string()};
    const LoadResult ok = load_journey_text(
        "<journey name=\"j\">\n<include journey=\"x\"/>\n</journey>",
        (root_ / "scen" / "j.xml").string(), SpecIds::builtin(), standard_variables(), allowed);
    EXPECT_TRUE(ok.ok()) << all_errors(ok);
}

TEST_F(DataFilesTest, AFolderElsewhereIsReadWhenAllowed) {
    fs::create_directories(root_ / "shared");
    write(root_ / "shared" / "rows.csv", "login\nПетроваМ\n");
    const std::string file = (root_ / "shared" / "rows.csv").string();
    EXPECT_FALSE(load_feeder(file).ok());
    LoadOptions allowed;
    allowed.allowed_dirs = {(root_ / "shared").string()};
    const LoadResult r = load_feeder(file, allowed);
    ASSERT_TRUE(r.ok()) << all_errors(r);
    EXPECT_EQ(r.journey->feeder->rows.at(0).at(0), "ПетроваМ");
}

TEST_F(DataFilesTest, ACsvThatIsNotOneIsReportedWithoutItsContent) {
    write(root_ / "scen" / "data" / "token.csv", "SECRET-TOKEN=abc def,x\n1,2\n");
    const std::string errors = all_errors(load_feeder("data/token.csv"));
    EXPECT_THAT(errors, HasSubstr("column 1 of the header must be named"));
    EXPECT_THAT(errors, Not(HasSubstr("SECRET")));
}

// Caps this (child) process: an alarm for code that blocks, address space for code that reads
// forever.
void bound_child() {
    alarm(20);
    if (logintest::testing::address_space_is_reserved) {
        return; // a sanitizer's shadow memory takes the address space; the alarm still bounds
    }
    rlimit limit{};
    getrlimit(RLIMIT_AS, &limit);
    limit.rlim_cur = 2048ul * 1024 * 1024;
    setrlimit(RLIMIT_AS, &limit);
}

TEST_F(DataFilesTest, AFifoAndDevZeroAreRefusedWithoutReadingThem) {
    ASSERT_EQ(mkfifo((root_ / "scen" / "data" / "fifo.csv").c_str(), 0600), 0);
    fs::create_symlink("/dev/zero", root_ / "scen" / "data" / "zero.csv");
    EXPECT_EXIT(
        {
            bound_child();
            LoadOptions dev;
            dev.allowed_dirs = {"/dev"};
            const std::string errors = all_errors(load_feeder("data/fifo.csv")) +
                                       all_errors(load_feeder("/dev/zero", dev)) +
                                       all_errors(load_feeder("data/zero.csv", dev));
            std::fputs(errors.c_str(), stderr);
            const bool fifo =
                errors.find("fifo.csv: it is a FIFO, not a regular file") != std::string::npos;
            const bool zero =
                errors.find("/dev/zero: it is a device, not a regular file") != std::string::npos;
            const bool link = errors.find("zero.csv: it is a device") != std::string::npos;
            std::_Exit(fifo && zero && link ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "");
}

TEST_F(DataFilesTest, TheJourneyFileItselfMustBeARegularFileOfBoundedSize) {
    ASSERT_EQ(mkfifo((root_ / "fifo.xml").c_str(), 0600), 0);
    write(root_ / "big.xml",
          "<journey name=\"j\">" + std::string(2 * 1024 * 1024, ' ') + "</journey>");
    EXPECT_EXIT(
        {
            bound_child();
            const std::string errors =
                all_errors(load_journey_file("/dev/zero", SpecIds::builtin(), {})) +
                all_errors(
                    load_journey_file((root_ / "fifo.xml").string(), SpecIds::builtin(), {})) +
                all_errors(load_journey_file((root_ / "big.xml").string(), SpecIds::builtin(), {}));
            std::fputs(errors.c_str(), stderr);
            const bool ok =
                errors.find("/dev/zero: the file is a device, not a regular file") !=
                    std::string::npos &&
                errors.find("fifo.xml: the file is a FIFO") != std::string::npos &&
                errors.find("big.xml: the file is larger than 1048576 bytes (the file-bytes "
                            "limit; raise it with --limit file-bytes=N)") != std::string::npos;
            std::_Exit(ok ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "");
}

} // namespace
} // namespace logintest::harness::scenario
