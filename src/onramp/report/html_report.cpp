// `--format html`: the briefing as one self-contained page (no network: styles, script and diagrams inline) with a
// navigation per step, the checklist with copy buttons, and every finding in one list filtered by step, severity,
// rule, path and free text. The findings travel as JSON inside the page and are drawn in chunks as the reader scrolls,
// so a repository with thousands of them opens at once; long fact tables keep their rest in inert <template>s.
#include <fmt/format.h>

#include <map>

#include "onramp/report/briefing.hpp"
#include "onramp/report/report.hpp"

namespace onramp::report {

namespace {

using json = nlohmann::ordered_json;

/// Rows of a fact table drawn at once; the rest waits in a <template> until asked for.
constexpr std::size_t kTableRows = 25;

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// JSON that cannot end the <script> element it sits in, whatever the strings hold.
std::string script_json(const json& j) {
  const auto text = j.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    // `<`, `>` and `&` only occur inside JSON strings, where a \u escape means the same.
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"CSS(
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--accent:#0969da;
--error:#cf222e;--warning:#9a6700;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;
--accent:#4493f8;--error:#f85149;--warning:#d29922;--info:#4493f8}}
*{box-sizing:border-box}
a{color:var(--accent)}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);
display:grid;grid-template-columns:17rem 1fr;min-height:100vh}
nav{position:sticky;top:0;height:100vh;overflow:auto;border-right:1px solid var(--line);background:var(--panel);
padding:1rem .75rem;font-size:14px}
nav a{display:flex;justify-content:space-between;gap:.5rem;padding:.2rem .4rem;border-radius:4px;color:var(--fg);
text-decoration:none}
nav a:hover{background:var(--line)}
nav .n{color:var(--muted);font-variant-numeric:tabular-nums}
nav .idle{color:var(--muted)}
nav h2{font-size:12px;text-transform:uppercase;color:var(--muted);margin:1rem .4rem .3rem}
main{padding:1.5rem 2rem;max-width:72rem;min-width:0}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--line)}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:.1rem .3rem;
border-radius:4px;overflow-wrap:anywhere}
.muted{color:var(--muted)}
ol.checklist{padding-left:1.5rem}
ol.checklist li{margin:.4rem 0}
button{font:inherit;font-size:13px;border:1px solid var(--line);background:var(--panel);color:var(--fg);
border-radius:6px;padding:.1rem .6rem;cursor:pointer}
button:hover{border-color:var(--accent)}
.sev{display:inline-block;min-width:4.5rem;font-size:12px;font-weight:600;text-transform:uppercase}
.sev-error{color:var(--error)}.sev-warning{color:var(--warning)}.sev-info{color:var(--info)}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:14px}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--panel)}
.diagram{overflow:auto;max-height:36rem;border:1px solid var(--line);border-radius:6px;padding:.5rem;margin:.5rem 0 1rem;
background:#fff}
.diagram svg{max-width:100%;height:auto}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;position:sticky;top:0;background:var(--bg);padding:.5rem 0;z-index:1}
.filters select,.filters input{font:inherit;font-size:14px;padding:.2rem .4rem;border:1px solid var(--line);
border-radius:6px;background:var(--bg);color:var(--fg);max-width:22rem}
.filters input{flex:1;min-width:10rem}
#f-table{width:100%;table-layout:fixed}
#f-table col.c1{width:6rem}#f-table col.c2{width:16rem}#f-table col.c3{width:18rem}
@media (max-width:60rem){body{grid-template-columns:1fr}nav{position:static;height:auto}}
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('onramp-data').textContent);
  var rules = data.rules, findings = data.findings;
  var CHUNK = 200;
  function $(id) { return document.getElementById(id); }
  var rows = $('f-rows'), more = $('f-more'), count = $('f-count');
  var inputs = { step: $('f-step'), severity: $('f-severity'), rule: $('f-rule'), path: $('f-path'), q: $('f-search') };
  var shown = [], drawn = 0;

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function draw() {
    var end = Math.min(shown.length, drawn + CHUNK), frag = document.createDocumentFragment();
    for (; drawn < end; drawn++) {
      var f = shown[drawn], r = rules[f[0]], tr = document.createElement('tr');
      tr.className = 'finding';
      var sev = document.createElement('span');
      sev.className = 'sev sev-' + r[2];
      sev.textContent = r[2];
      cell(tr, '').appendChild(sev);
      var code = document.createElement('code');
      code.textContent = r[0];
      cell(tr, '').appendChild(code);
      cell(tr, f[1] + ':' + f[2]);
      cell(tr, f[3]);
      frag.appendChild(tr);
    }
    rows.appendChild(frag);
    more.hidden = drawn >= shown.length;
    more.textContent = 'Show ' + Math.min(CHUNK, shown.length - drawn) + ' more of ' + (shown.length - drawn);
  }
  function apply() {
    var step = inputs.step.value, sev = inputs.severity.value, rule = inputs.rule.value;
    var path = inputs.path.value.toLowerCase(), q = inputs.q.value.toLowerCase();
    shown = findings.filter(function (f) {
      var r = rules[f[0]];
      if (step && String(r[1]) !== step) return false;
      if (sev && r[2] !== sev) return false;
      if (rule && r[0] !== rule) return false;
      if (path && f[1].toLowerCase().indexOf(path) < 0) return false;
      if (q && (r[0] + ' ' + r[3] + ' ' + f[1] + ':' + f[2] + ' ' + f[3]).toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
    rows.textContent = '';
    drawn = 0;
    draw();
    count.textContent = shown.length + ' of ' + findings.length + ' findings';
    var params = [];
    Object.keys(inputs).forEach(function (k) { if (inputs[k].value) params.push(k + '=' + encodeURIComponent(inputs[k].value)); });
    if (params.length) history.replaceState(null, '', '#filter:' + params.join('&'));
    else if (location.hash.indexOf('#filter:') === 0) history.replaceState(null, '', '#findings');
  }
  // `#filter:step=4&severity=error` sets the filters (the steps link to their findings that way).
  function fromHash() {
    if (location.hash.indexOf('#filter:') !== 0) return false;
    Object.keys(inputs).forEach(function (k) { inputs[k].value = ''; });
    location.hash.slice(8).split('&').forEach(function (kv) {
      var i = kv.indexOf('=');
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (inputs[k]) inputs[k].value = v;
    });
    apply();
    $('findings').scrollIntoView();
    return true;
  }
  Object.keys(inputs).forEach(function (k) { inputs[k].addEventListener('input', apply); });
  more.addEventListener('click', draw);
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (es) { if (es[0].isIntersecting && !more.hidden) draw(); },
      { rootMargin: '400px' }).observe(more);
  }
  window.addEventListener('hashchange', fromHash);
  if (!fromHash()) apply();

  // The rest of a long table, drawn when asked for.
  document.querySelectorAll('button.rest').forEach(function (b) {
    b.addEventListener('click', function () {
      var t = document.getElementById(b.getAttribute('data-rest'));
      t.parentNode.appendChild(t.content.cloneNode(true));
      b.remove();
    });
  });
  function copied(b, ok) {
    b.textContent = ok ? 'Copied' : 'Select and copy';
    setTimeout(function () { b.textContent = 'Copy'; }, 1500);
  }
  document.querySelectorAll('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.getAttribute('data-copy');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(b, true); }, function () { copied(b, false); });
        return;
      }
      var ta = document.createElement('textarea');
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      ta.remove();
      copied(b, ok);
    });
  });
  document.body.setAttribute('data-ready', 'yes');
})();
)JS";

void fact_table(std::ostream& out, const FactBlock& f, std::size_t& table_id) {
  out << "<h3>" << esc(f.label) << "</h3>\n<table><thead><tr>";
  for (const auto& c : f.columns) out << "<th>" << esc(c) << "</th>";
  out << "</tr></thead><tbody>\n";
  const auto row = [&](const std::vector<std::string>& r) {
    out << "<tr>";
    for (const auto& c : r) out << "<td>" << esc(c) << "</td>";
    out << "</tr>\n";
  };
  for (std::size_t i = 0; i < f.rows.size() && i < kTableRows; ++i) row(f.rows[i]);
  if (f.rows.size() > kTableRows) {
    const auto id = fmt::format("rest-{}", ++table_id);
    out << "<template id=\"" << id << "\">\n";
    for (std::size_t i = kTableRows; i < f.rows.size(); ++i) row(f.rows[i]);
    out << "</template>";
  }
  out << "</tbody></table>\n";
  if (f.rows.size() > kTableRows) {
    out << fmt::format("<p><button class=\"rest\" data-rest=\"rest-{}\">Show the other {} rows</button></p>\n",
                       table_id, with_commas(f.rows.size() - kTableRows));
  }
}

}  // namespace

void write_html(std::ostream& out, const engine::Analysis& analysis, const core::RuleSet& rules) {
  const auto b = make_briefing(analysis, rules, 0);
  std::size_t total = 0;
  for (const auto& s : b.steps) total += s.findings;

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing leaves the page: no request to any server, whatever a string in the report holds.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n"
      << "<title>onramp report: " << esc(b.root) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";

  // Navigation: the overview, then one entry per step with its count of findings.
  out << "<nav>\n<a href=\"#about\"><b>onramp report</b></a>\n<a href=\"#run\">How to run it</a>\n";
  if (!b.first.empty()) out << "<a href=\"#first\">What to know first</a>\n";
  out << fmt::format("<a href=\"#findings\">Findings <span class=\"n\">{}</span></a>\n<h2>Steps</h2>\n",
                     with_commas(total));
  for (const auto& s : b.steps) {
    out << fmt::format("<a href=\"#step-{}\"{}><span>{}. {}</span><span class=\"n\">{}</span></a>\n", s.id,
                       s.analysed ? "" : " class=\"idle\"", s.id, esc(s.title),
                       s.findings == 0 ? "" : with_commas(s.findings));
  }
  out << "</nav>\n<main>\n";

  out << "<section id=\"about\">\n<h1>onramp report: " << esc(b.root) << "</h1>\n";
  for (const auto& a : b.about) out << "<p>" << esc(a) << "</p>\n";
  out << "</section>\n";

  out << "<section id=\"run\">\n<h2>How to run it</h2>\n";
  if (b.checklist.empty()) out << "<p>onramp found no documented or derivable way to run it.</p>\n";
  out << "<ol class=\"checklist\">\n";
  for (const auto& c : b.checklist) {
    out << "<li>";
    if (!c.command.empty()) {
      out << "<code>" << esc(c.command) << "</code> <button class=\"copy\" data-copy=\"" << esc(c.command)
          << "\">Copy</button>";
      if (!c.cwd.empty()) out << " <span class=\"muted\">in <code>" << esc(c.cwd) << "/</code></span>";
      out << " — ";
    }
    out << esc(c.why) << "</li>\n";
  }
  out << "</ol>\n</section>\n";

  if (!b.first.empty()) {
    out << "<section id=\"first\">\n<h2>What to know first</h2>\n<ol>\n";
    for (const auto& g : b.first) {
      const auto& f = *g.findings.front();
      out << fmt::format(
          "<li><span class=\"sev sev-{}\">{}</span> {} — {} in {} (<a href=\"#step-{}\">step {}</a>), first at "
          "<code>{}:{}</code> <a href=\"#filter:rule={}\">all of them</a></li>\n",
          core::to_string(g.severity), core::to_string(g.severity), esc(g.summary), with_commas(g.findings.size()),
          esc(plural(g.files, "file")), g.step, g.step, esc(f.path), f.location.line, esc(g.rule));
    }
    out << "</ol>\n</section>\n";
  }

  std::size_t table_id = 0;
  for (const auto& s : b.steps) {
    out << fmt::format("<section id=\"step-{}\" class=\"step\">\n<h2>{}. {}</h2>\n", s.id, s.id, esc(s.title));
    if (!s.analysed) {
      out << "<p class=\"muted\">" << esc(s.headline) << "</p>\n</section>\n";
      continue;
    }
    out << "<p><b>" << esc(s.headline) << "</b></p>\n";
    if (!s.summary.empty()) out << "<p>" << esc(s.summary) << "</p>\n";
    for (const auto& f : s.facts) {
      if (f.columns.empty()) {
        out << "<p><b>" << esc(f.label) << ":</b> " << esc(f.text) << "</p>\n";
      } else {
        fact_table(out, f, table_id);
      }
    }
    if (!s.groups.empty()) {
      out << "<h3>Findings</h3>\n<ul>\n";
      for (const auto& g : s.groups) {
        out << fmt::format(
            "<li><span class=\"sev sev-{}\">{}</span> <a href=\"#filter:rule={}\"><code>{}</code></a> {} ({} in "
            "{})</li>\n",
            core::to_string(g.severity), core::to_string(g.severity), esc(g.rule), esc(g.rule), esc(g.summary),
            with_commas(g.findings.size()), esc(plural(g.files, "file")));
      }
      out << fmt::format("</ul>\n<p><a href=\"#filter:step={}\">The {} in the list of findings</a></p>\n", s.id,
                         esc(plural(s.findings, "finding")));
    }
    out << "</section>\n";
  }

  // Every finding, in the briefing's order (step, then rule groups by severity), as compact JSON for the script.
  json rule_rows = json::array();
  json finding_rows = json::array();
  std::map<std::string, std::string> rule_options;
  for (const auto& s : b.steps) {
    for (const auto& g : s.groups) {
      const auto index = rule_rows.size();
      rule_rows.push_back(json::array({g.rule, g.step, core::to_string(g.severity), g.summary}));
      rule_options.emplace(g.rule, g.summary);
      for (const auto* f : g.findings)
        finding_rows.push_back(json::array({index, f->path, f->location.line, f->message}));
    }
  }
  out << "<section id=\"findings\">\n<h2>Findings</h2>\n<div class=\"filters\">\n"
         "<select id=\"f-step\" aria-label=\"step\"><option value=\"\">every step</option>";
  for (const auto& s : b.steps) {
    if (s.findings != 0) out << fmt::format("<option value=\"{}\">{}. {}</option>", s.id, s.id, esc(s.title));
  }
  out << "</select>\n<select id=\"f-severity\" aria-label=\"severity\"><option value=\"\">every severity</option>"
         "<option>error</option><option>warning</option><option>info</option></select>\n"
         "<select id=\"f-rule\" aria-label=\"rule\"><option value=\"\">every rule</option>";
  for (const auto& [id, summary] : rule_options)
    out << "<option value=\"" << esc(id) << "\">" << esc(id) << "</option>";
  out << "</select>\n<input id=\"f-path\" type=\"text\" placeholder=\"path contains\" aria-label=\"path\">\n"
         "<input id=\"f-search\" type=\"search\" placeholder=\"search the findings\" aria-label=\"search\">\n</div>\n"
         "<p id=\"f-count\" class=\"muted\"></p>\n<table id=\"f-table\"><colgroup><col class=\"c1\"><col class=\"c2\">"
         "<col class=\"c3\"><col></colgroup><thead><tr><th>severity</th><th>rule</th><th>where</th><th>what</th>"
         "</tr></thead><tbody id=\"f-rows\"></tbody></table>\n<p><button id=\"f-more\" hidden>Show more</button></p>\n"
         "</section>\n</main>\n";
  out << "<script type=\"application/json\" id=\"onramp-data\">"
      << script_json(json{{"rules", rule_rows}, {"findings", finding_rows}}) << "</script>\n";
  out << "<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace onramp::report
