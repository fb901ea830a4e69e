#!/usr/bin/env python3
"""Independent oracle for the router prompt test vectors.

Implements ../shared/reference/arch-router-format.md directly in Python (json.dumps is the
serializer: compact separators and ensure_ascii=False give exactly the escaping the notes describe;
indent=4 gives serde_json's pretty format). It does not use RouteBench's Java code, so the Java
builder is checked against a second, separate reading of the notes.

Two facts the notes leave open are taken from the proxies' sources (archgw router_model_v1.rs,
plano orchestrator_model_v1.rs): placeholders are filled with two chained str::replace calls, and
the middle-trim tail is sized after the head has backed off to a character boundary.

Run from the repository root:  python3 inference/src/test/resources/io/routebench/inference/prompt/vectors/generate.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 9))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "reference")
TEMPLATES = {
    "archgw-v1": open(os.path.join(SHARED, "arch-router-v1-template.txt"), encoding="utf-8").read(),
    "plano-v1": open(os.path.join(SHARED, "plano-orchestrator-v1-template.txt"), encoding="utf-8").read(),
}
DEFAULT_BUDGET = {"archgw-v1": 2048, "plano-v1": 8192}


def nbytes(text):
    return len(text.encode("utf-8"))


def fill(template, routes, conversation):
    # Both proxies: TEMPLATE.replace("{routes}", routes).replace("{conversation}", conversation).
    # A "{conversation}" inside a route is therefore replaced too; what replace inserts is never
    # rescanned by that same replace.
    return template.replace("{routes}", routes).replace("{conversation}", conversation)


def archgw(routes, messages, budget):
    template = TEMPLATES["archgw-v1"]
    kept = [m for m in messages if m["role"] not in ("system", "tool") and m["content"] != ""]
    count = nbytes(template) // 4
    selected = []
    for m in reversed(kept):
        count += nbytes(m["content"]) // 4
        if count > budget:
            if m["role"] == "user":
                selected.append(m)
            break
        selected.append(m)
    if not selected and kept:
        selected.append(kept[-1])
    selected.reverse()
    routes_json = json.dumps([{"name": r["name"], "description": r["description"]} for r in routes],
                             ensure_ascii=False, separators=(",", ":"))
    conversation = json.dumps([{"role": m["role"], "content": m["content"]} for m in selected],
                              ensure_ascii=False, separators=(",", ":"))
    return fill(template, routes_json, conversation)


def boundary_back(data, i):
    i = min(i, len(data))
    while 0 < i < len(data) and (data[i] & 0xC0) == 0x80:
        i -= 1
    return i


def boundary_forward(data, i):
    i = max(i, 0)
    while i < len(data) and (data[i] & 0xC0) == 0x80:
        i += 1
    return i


def middle_trim(text, n):
    data = text.encode("utf-8")
    if len(data) <= n:
        return text
    if n <= 3:
        return data[:boundary_back(data, n)].decode("utf-8")
    available = n - 3
    head_end = boundary_back(data, available * 3 // 5)
    # plano sizes the tail after the head backed off to a boundary: the tail gets those bytes.
    tail_start = boundary_forward(data, len(data) - (available - head_end))
    return data[:head_end].decode("utf-8") + "\u2026" + data[tail_start:].decode("utf-8")


def plano(routes, messages, budget):
    template = TEMPLATES["plano-v1"]
    kept = [m for m in messages if m["role"] not in ("system", "developer", "tool") and m["content"] != ""]
    kept = kept[-16:]
    count = nbytes(template) // 4
    selected = []
    for m in reversed(kept):
        tokens = nbytes(m["content"]) // 4
        if count + tokens > budget:
            remaining = budget - count
            if m["role"] == "user" and remaining > 0:
                selected.append({"role": m["role"], "content": middle_trim(m["content"], remaining * 4)})
            break
        count += tokens
        selected.append(m)
    if not selected and kept:
        selected.append(kept[-1])
    selected.reverse()
    parameters = {"type": "object", "properties": {}, "required": []}
    routes_text = "\n".join(json.dumps({"name": r["name"], "description": r["description"], "parameters": parameters},
                                       ensure_ascii=False) for r in routes)
    conversation = json.dumps([{"role": m["role"], "content": m["content"]} for m in selected],
                              ensure_ascii=False, indent=4)
    return fill(template, routes_text, conversation)


ROUTES = [
    {"name": "code generation", "description": "Generating new code, functions or scripts from a description."},
    {"name": "debugging", "description": "Finding why code fails: errors, crashes, wrong output."},
    {"name": "trip planning", "description": "Planning travel: flights, hotels and itineraries."},
]
CHAT = [
    {"role": "user", "content": "Write a function that reverses a linked list."},
    {"role": "assistant", "content": "Here is an iterative version in Python."},
    {"role": "user", "content": "It loops forever on a cycle, why?"},
]
LONG = "Please read this log carefully. " * 40


def vectors():
    v = {}
    for profile in ("archgw-v1", "plano-v1"):
        p = profile.split("-")[0]
        v[f"{p}-basic"] = (profile, 0, ROUTES, CHAT)
        v[f"{p}-escaping"] = (profile, 0, [
            {"name": "say \"hi\"", "description": "Quotes \"x\", backslash \\ path C:\\tmp, slash a/b, tab\tend,\nnew line, bell \u0001, del \u007f, é 中 😀"},
        ], [{"role": "user", "content": "line1\nline2\t\"quoted\" \\ back / slash \u0008\u000c\r \u001f"}])
        v[f"{p}-filtered-roles"] = (profile, 0, ROUTES, [
            {"role": "system", "content": "You are a coding bot."},
            {"role": "developer", "content": "Prefer short answers."},
            {"role": "user", "content": "Fix my build."},
            {"role": "assistant", "content": ""},
            {"role": "tool", "content": "{\"exit\": 1}"},
            {"role": "assistant", "content": "The compiler says a semicolon is missing."},
            {"role": "user", "content": "Thanks!"},
        ])
        v[f"{p}-non-ascii"] = (profile, 0, [
            {"name": "résumé writing", "description": "Écrire ou améliorer un CV — 履歴書 😀"},
            {"name": "旅行计划", "description": "规划旅行：航班、酒店和行程。"},
        ], [{"role": "user", "content": "帮我规划去东京的五天行程 🗼"},
            {"role": "assistant", "content": "好的！"},
            {"role": "user", "content": "Et mon CV ? Ça presse 😅"}])
        v[f"{p}-braces-in-routes"] = (profile, 0, [
            {"name": "templates", "description": "Questions about {conversation} and {routes} placeholders in {{jinja}}."},
        ], [{"role": "user", "content": "What does {routes} mean?"}])
        v[f"{p}-no-messages"] = (profile, 0, ROUTES, [])
    # Truncation: older messages dropped; the user message crossing the budget is kept (archgw).
    t = nbytes(TEMPLATES["archgw-v1"]) // 4
    history = [{"role": "user", "content": LONG}, {"role": "assistant", "content": LONG},
               {"role": "user", "content": LONG}, {"role": "assistant", "content": "Short answer."},
               {"role": "user", "content": "And now?"}]
    v["archgw-truncation-keeps-crossing-user"] = ("archgw-v1", t + 330, ROUTES, history)
    v["archgw-truncation-drops-crossing-assistant"] = ("archgw-v1", t + 10, ROUTES, history)
    v["archgw-nothing-kept-keeps-newest"] = ("archgw-v1", 1, ROUTES,
                                             [{"role": "user", "content": LONG}, {"role": "assistant", "content": LONG}])
    # plano: the crossing user message is middle-trimmed at UTF-8 boundaries.
    tp = nbytes(TEMPLATES["plano-v1"]) // 4
    multibyte = ("é" * 50) + ("中" * 50) + ("😀" * 50) + ("z" * 7)
    v["plano-middle-trim-utf8"] = ("plano-v1", tp + 40, ROUTES,
                                   [{"role": "user", "content": "old question"}, {"role": "assistant", "content": "old answer"},
                                    {"role": "user", "content": multibyte}])
    for extra in range(0, 4):
        v[f"plano-middle-trim-boundary-{extra}"] = ("plano-v1", tp + 30 + extra, ROUTES,
                                                    [{"role": "user", "content": "a" + ("é中😀" * 40) + "b"}])
    v["plano-trim-tiny-budget"] = ("plano-v1", tp + 1, ROUTES, [{"role": "user", "content": "😀😀😀 hello"}])
    v["plano-truncation-drops-crossing-assistant"] = ("plano-v1", tp + 10, ROUTES, history)
    v["plano-sixteen-message-cap"] = ("plano-v1", 0, ROUTES,
                                      [{"role": "user" if i % 2 == 0 else "assistant", "content": f"message {i}"} for i in range(20)])
    return v


def main():
    for name, (profile, budget, routes, messages) in vectors().items():
        target = os.path.join(HERE, name)
        os.makedirs(target, exist_ok=True)
        effective = budget or DEFAULT_BUDGET[profile]
        text = archgw(routes, messages, effective) if profile == "archgw-v1" else plano(routes, messages, effective)
        with open(os.path.join(target, "routes.json"), "w", encoding="utf-8") as f:
            json.dump(routes, f, ensure_ascii=False, indent=2)
        with open(os.path.join(target, "messages.json"), "w", encoding="utf-8") as f:
            json.dump(messages, f, ensure_ascii=False, indent=2)
        with open(os.path.join(target, "profile"), "w", encoding="utf-8") as f:
            f.write(profile + "\n")
        with open(os.path.join(target, "budget"), "w", encoding="utf-8") as f:
            f.write(str(budget) + "\n")
        with open(os.path.join(target, "expected.txt"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(f"wrote {len(vectors())} vectors", file=sys.stderr)


if __name__ == "__main__":
    main()
