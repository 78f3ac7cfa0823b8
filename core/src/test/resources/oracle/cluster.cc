// FastJet oracle for jetbridge's ClusterSequence tests (our code; FastJet used only through its public API).
// Reads events in FastJet text format on stdin (px py pz E per line; "#END" or a blank line ends an event;
// other '#' lines, e.g. #SUBSTART, are ignored so sub-events merge into one event).
// Usage: cluster ALG R PTMIN NEXCL DCUT NDMERGE [SCHEME]
//   ALG: antikt | kt | cam;  SCHEME: E (default) | WTA
// Per event prints (all numbers %.17g; jets sorted by decreasing pT; "|" then the sorted input indices):
//   EV <n>
//   I pt y phi m | idx...             inclusive jets with pt >= PTMIN
//   X <k> pt y phi m | idx...         exclusive jets for k = 2..NEXCL (when k <= n)
//   C pt y phi m | idx...             exclusive jets at dcut = DCUT
//   D <k> dmerge dmerge_max           for k = 0..NDMERGE-1 (when k < n)
#include <fastjet/ClusterSequence.hh>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace fastjet;

static void print_jet(const char* tag, const PseudoJet& j) {
  std::printf("%s %.17g %.17g %.17g %.17g |", tag, j.pt(), j.rap(), j.phi_std(), j.m());
  std::vector<int> idx;
  for (const PseudoJet& c : j.constituents()) idx.push_back(c.user_index());
  std::sort(idx.begin(), idx.end());
  for (int i : idx) std::printf(" %d", i);
  std::printf("\n");
}

static void process(const std::vector<PseudoJet>& in, const JetDefinition& def, double ptmin, int nexcl,
                    double dcut, int ndmerge) {
  std::printf("EV %d\n", (int) in.size());
  ClusterSequence cs(in, def);
  for (const PseudoJet& j : sorted_by_pt(cs.inclusive_jets(ptmin))) print_jet("I", j);
  int n = (int) in.size();
  for (int k = 2; k <= nexcl && k <= n; k++) {
    char tag[32];
    std::snprintf(tag, sizeof tag, "X %d", k);
    for (const PseudoJet& j : sorted_by_pt(cs.exclusive_jets(k))) print_jet(tag, j);
  }
  if (dcut >= 0) {
    for (const PseudoJet& j : sorted_by_pt(cs.exclusive_jets(dcut))) print_jet("C", j);
  }
  for (int k = 0; k < ndmerge && k < n; k++) {
    std::printf("D %d %.17g %.17g\n", k, cs.exclusive_dmerge(k), cs.exclusive_dmerge_max(k));
  }
}

int main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: %s ALG R PTMIN NEXCL DCUT NDMERGE [E|WTA]\n", argv[0]);
    return 2;
  }
  std::string alg = argv[1];
  double R = std::atof(argv[2]);
  double ptmin = std::atof(argv[3]);
  int nexcl = std::atoi(argv[4]);
  double dcut = std::atof(argv[5]);
  int ndmerge = std::atoi(argv[6]);
  std::string scheme = argc > 7 ? argv[7] : "E";
  JetAlgorithm a = alg == "kt" ? kt_algorithm : alg == "cam" ? cambridge_algorithm : antikt_algorithm;
  if (alg != "kt" && alg != "cam" && alg != "antikt") {
    std::fprintf(stderr, "unknown algorithm %s\n", alg.c_str());
    return 2;
  }
  JetDefinition def(a, R, scheme == "WTA" ? WTA_pt_scheme : E_scheme);
  ClusterSequence::set_fastjet_banner_stream(nullptr);
  std::vector<PseudoJet> ev;
  std::string line;
  auto flush = [&]() {
    if (!ev.empty()) process(ev, def, ptmin, nexcl, dcut, ndmerge);
    ev.clear();
  };
  while (std::getline(std::cin, line)) {
    size_t s = line.find_first_not_of(" \t\r");
    if (s == std::string::npos || line.compare(s, 4, "#END") == 0) {
      flush();
      continue;
    }
    if (line[s] == '#') continue;
    std::istringstream is(line);
    double px, py, pz, E;
    if (!(is >> px >> py >> pz >> E)) {
      std::fprintf(stderr, "bad line: %s\n", line.c_str());
      return 3;
    }
    PseudoJet p(px, py, pz, E);
    p.set_user_index((int) ev.size());
    ev.push_back(p);
  }
  flush();
  return 0;
}
