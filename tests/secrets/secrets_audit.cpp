// The secrets audit (issue 10): runs `logintest` as a user would, against the embedded mock,
// with every output it can write (console stdout and stderr, --json, --junit, load --json,
// the mock log), and searches every output for every secret the mock issued (its own record,
// --mock-secrets-file) and every fixture password. Runs: the whole catalog once clean and
// once per defect of `logintest mock --list-defects`, and two short bounded load runs.
// Prints each finding masked (redaction::mask) and the total; exits 1 when it is not zero.
// Registered as the ctest test `secrets.audit` (tests/secrets/CMakeLists.txt).
//   secrets_audit LOGINTEST CATALOG FIXTURE WORKDIR
#include "harness/redaction/redaction.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;
using logintest::harness::redaction::mask;

namespace {

struct Secret {
    std::string kind;
    std::string value;
};

// Values shorter than this are searched as whole words only (SMS codes are 6 digits).
constexpr std::size_t prefix_length = 8;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

int run(const std::string& command) {
    const int rc = std::system(command.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::vector<std::string> list_defects(const std::string& logintest, const fs::path& work) {
    const fs::path list = work / "defects.txt";
    run(quoted(logintest) + " mock --list-defects > " + quoted(list.string()));
    std::vector<std::string> names;
    std::istringstream in(read_text(list));
    for (std::string line; std::getline(in, line);) {
        const auto space = line.find(' ');
        if (space != std::string::npos && space > 0 && line[0] >= 'a' && line[0] <= 'z') {
            names.push_back(line.substr(0, space));
        }
    }
    return names;
}

// Every password of the fixture's asurso users and esia accounts, and of the load pool.
std::vector<Secret> fixture_passwords(const fs::path& fixture) {
    std::vector<Secret> out;
    const auto doc = boost::json::parse(read_text(fixture));
    for (const char* list : {"users", "esia_accounts"}) {
        for (const auto& entry : doc.at(list).as_array()) {
            if (const auto* pw = entry.as_object().if_contains("password")) {
                out.push_back({"fixture password", std::string(pw->as_string())});
            }
        }
    }
    // MOCK-FIX-5: the generated pool accounts of `load` (default --pool-size 1000).
    for (int i = 0; i < 1000; ++i) {
        for (const char* kind : {"Load", "Bind", "Esia"}) {
            out.push_back({"fixture password", fmt::format("{}#{:05d}", kind, i)});
        }
    }
    return out;
}

std::vector<Secret> read_record(const fs::path& file) {
    std::vector<Secret> out;
    std::istringstream in(read_text(file));
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos && tab + 1 < line.size()) {
            out.push_back({line.substr(0, tab), line.substr(tab + 1)});
        }
    }
    return out;
}

struct Finding {
    std::string file;
    std::string kind;
    std::string value;
    std::size_t count = 0;
};

// Every occurrence of every secret in `text`: long secrets through an index of their first
// `prefix_length` characters, short ones (SMS codes) as whole words.
class Searcher {
public:
    explicit Searcher(const std::vector<Secret>& secrets) {
        for (const auto& s : secrets) {
            if (s.value.size() >= prefix_length) {
                by_prefix_[std::string_view(s.value).substr(0, prefix_length)].push_back(&s);
            } else {
                short_.push_back(&s);
            }
        }
    }

    void search(const std::string& file, const std::string& text, std::vector<Finding>& out) {
        std::map<const Secret*, std::size_t> counts;
        for (std::size_t i = 0; i + prefix_length <= text.size(); ++i) {
            const auto found = by_prefix_.find(std::string_view(text).substr(i, prefix_length));
            if (found == by_prefix_.end()) {
                continue;
            }
            for (const Secret* s : found->second) {
                if (text.compare(i, s->value.size(), s->value) == 0) {
                    ++counts[s];
                }
            }
        }
        for (const Secret* s : short_) {
            for (auto pos = text.find(s->value); pos != std::string::npos;
                 pos = text.find(s->value, pos + 1)) {
                const auto word = [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c));
                };
                const std::size_t end = pos + s->value.size();
                if ((pos == 0 || !word(text[pos - 1])) &&
                    (end >= text.size() || !word(text[end]))) {
                    ++counts[s];
                }
            }
        }
        for (const auto& [s, n] : counts) {
            out.push_back({file, s->kind, s->value, n});
        }
    }

private:
    std::unordered_map<std::string_view, std::vector<const Secret*>> by_prefix_; // into secrets
    std::vector<const Secret*> short_;
};

struct Run {
    std::string name;
    std::string args; // after `logintest`
    std::vector<std::string> outputs;
};

std::vector<Run> plan_runs(const std::string& catalog, const std::vector<std::string>& defects) {
    std::vector<Run> runs;
    const auto check = [&](const std::string& name, const std::string& defect) {
        Run r{name,
              "check " + quoted(catalog) + " -v --color never --mock-log" + defect + " --json " +
                  name + ".json --junit " + name + ".xml",
              {name + ".json", name + ".xml"}};
        runs.push_back(std::move(r));
    };
    check("catalog", "");
    for (const auto& d : defects) {
        check("defect-" + d, " --mock-defect " + d);
    }
    // Two short bounded load runs (the standard mix), clean and with failing checks.
    for (const std::string& name : {std::string("load"), std::string("load-failing")}) {
        Run r{name,
              "load --vus 4 --threads 1 --think 0s --iterations 40 --duration 20s --grace 5s "
              "--progress plain --color never -v --json " +
                  name + ".json" + (name == "load" ? "" : " --mock-config " + name + ".mock.json"),
              {name + ".json"}};
        runs.push_back(std::move(r));
    }
    return runs;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        fmt::print(stderr, "usage: secrets_audit LOGINTEST CATALOG FIXTURE WORKDIR\n");
        return 2;
    }
    const std::string logintest = fs::absolute(argv[1]).string();
    const std::string catalog = fs::absolute(argv[2]).string();
    const fs::path work = fs::absolute(argv[4]);
    fs::remove_all(work);
    fs::create_directories(work);
    fs::current_path(work);
    std::ofstream(work / "load-failing.mock.json") << R"({"defects":["accept-wrong-password"]})";

    const auto defects = list_defects(logintest, work);
    std::vector<Secret> secrets = fixture_passwords(argv[3]);
    std::vector<std::pair<std::string, std::vector<std::string>>> outputs;
    for (auto& r : plan_runs(catalog, defects)) {
        const std::string record = r.name + ".secrets";
        const int rc = run(quoted(logintest) + " " + r.args + " --mock-secrets-file " + record +
                           " > " + r.name + ".out 2> " + r.name + ".err");
        auto issued = read_record(work / record);
        fmt::print("{:<40} exit {}, {} secrets issued\n", r.name, rc, issued.size());
        if (issued.empty()) {
            fmt::print("FAIL: the mock recorded no secret for {}\n", r.name);
            return 1;
        }
        secrets.insert(secrets.end(), issued.begin(), issued.end());
        r.outputs.push_back(r.name + ".out");
        r.outputs.push_back(r.name + ".err");
        outputs.emplace_back(r.name, r.outputs);
    }

    Searcher searcher(secrets);
    std::vector<Finding> findings;
    std::size_t bytes = 0;
    std::size_t files = 0;
    for (const auto& [name, files_of_run] : outputs) {
        for (const auto& f : files_of_run) {
            const std::string text = read_text(work / f);
            bytes += text.size();
            ++files;
            searcher.search(f, text, findings);
        }
    }
    std::size_t total = 0;
    std::map<std::string, std::size_t> by_kind;
    for (const auto& f : findings) {
        total += f.count;
        by_kind[f.kind] += f.count;
        if (findings.size() < 200 || &f - findings.data() < 200) {
            fmt::print("LEAK {} in {} ({}x): {}\n", f.kind, f.file, f.count, mask(f.value));
        }
    }
    for (const auto& [kind, n] : by_kind) {
        fmt::print("  {:<20} {}\n", kind, n);
    }
    fmt::print("secrets audit: {} runs, {} outputs ({} bytes), {} secrets searched, {} "
               "occurrence{} found\n",
               outputs.size(), files, bytes, secrets.size(), total, total == 1 ? "" : "s");
    return total == 0 ? 0 : 1;
}
