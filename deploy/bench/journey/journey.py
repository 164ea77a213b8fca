#!/usr/bin/env python3
"""Walks CONTRACT.md's journey through the gateway of a running system (./bantam up) and measures how long a
client's profile change takes to show in the freelancer's GET /api/relationships.

    ./bantam up            # in another terminal
    python3 deploy/bench/journey/journey.py [http://localhost:8080]

Creates fresh users on every run; prints each step and ends with ALL OK (exit 0) or the failing call."""
import json, time, urllib.request, urllib.error, uuid, datetime, statistics, sys
BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"

def call(method, path, body=None, token=None, expect=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=15) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    js = json.loads(text) if text else None
    if expect is not None and status != expect:
        raise SystemExit(f"{method} {path}: expected {expect}, got {status}: {text}")
    return status, js

tag = uuid.uuid4().hex[:8]
def signup(role, tz="Europe/Berlin"):
    _, s = call("POST", "/api/auth/signup", {"email": f"{role.lower()}-{tag}-{uuid.uuid4().hex[:4]}@example.com",
        "password": "correct horse battery", "name": f"{role} {tag}", "role": role, "timeZone": tz}, expect=201)
    return s
fl = signup("FREELANCER"); c1 = signup("CLIENT"); c2 = signup("CLIENT")
F, C1, C2 = fl["accessToken"], c1["accessToken"], c2["accessToken"]
print("signup x3 ok")
call("POST", "/api/auth/login", {"email": fl["user"]["email"], "password": "correct horse battery"}, expect=200)
_, r1 = call("POST", "/api/relationships", {"clientEmail": c1["user"]["email"].upper()}, F, expect=201)
_, r2 = call("POST", "/api/relationships", {"clientEmail": c2["user"]["email"]}, F, expect=201)
call("POST", "/api/relationships", {"clientEmail": c1["user"]["email"]}, F, expect=409)
call("POST", "/api/relationships", {"clientEmail": c1["user"]["email"]}, C1, expect=403)
print("connect ok")
# availability: every day 09:00-17:00
call("PUT", "/api/availability", {"timeZone": "Europe/Berlin", "weekly": [{"day": d, "start": "09:00", "end": "17:00"} for d in
    ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]]}, F, expect=200)
fid, c1id, c2id = fl["user"]["id"], c1["user"]["id"], c2["user"]["id"]
# wait for the relationship events to reach booking-service
day = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
t0 = time.time()
while True:
    s, slots = call("GET", f"/api/availability/{fid}/slots?from={day}&to={day}&durationMinutes=60", None, C1)
    if s == 200: break
    if time.time() - t0 > 20: raise SystemExit(f"slots for client: {s} {slots}")
    time.sleep(0.2)
print("slots for client:", len(slots["items"]), "first", slots["items"][0])
start = slots["items"][0]["start"]
t0 = time.time()
while True:
    s, b = call("POST", "/api/bookings", {"clientId": c1id, "start": start, "durationMinutes": 60, "title": "Kick-off"}, F)
    if s == 201: break
    if time.time() - t0 > 20: raise SystemExit(f"booking: {s} {b}")
    time.sleep(0.2)
print("freelancer booked client 1:", b["start"], b["end"])
s, e = call("POST", "/api/bookings", {"clientId": c2id, "start": start, "durationMinutes": 30, "title": "Overlap"}, F, expect=409)
print("freelancer double booking:", e["code"], e.get("conflictingParty"))
# client 1 books another freelancer? use client booking with same freelancer at an overlapping time -> conflict for freelancer
s, e = call("POST", "/api/bookings", {"freelancerId": fid, "start": start, "durationMinutes": 30, "title": "Mine"}, C1, expect=409)
print("client double booking:", e["code"], e.get("conflictingParty"))
t0 = time.time()
while True:
    s, b2 = call("POST", "/api/bookings", {"freelancerId": fid, "start": slots["items"][8]["start"], "durationMinutes": 60, "title": "Client's own"}, C2)
    if s == 201: break
    if time.time() - t0 > 20: raise SystemExit(f"client booking: {s} {b2}")
    time.sleep(0.2)
print("client 2 booked inside availability:", b2["start"])
night = (datetime.date.today() + datetime.timedelta(days=11)).isoformat() + "T01:00:00Z"
s, e = call("POST", "/api/bookings", {"freelancerId": fid, "start": night, "durationMinutes": 60, "title": "Night"}, C2, expect=422)
print("client outside availability:", e["code"])
# tasks and notes
t0 = time.time()
while True:
    s, t = call("POST", "/api/tasks", {"title": "Send invoice", "priority": "HIGH", "dueDate": day, "clientId": c1id}, F)
    if s == 201: break
    if time.time() - t0 > 20: raise SystemExit(f"task: {s} {t}")
    time.sleep(0.2)
call("PATCH", f"/api/tasks/{t['id']}", {"completed": True}, F, expect=200)
call("GET", "/api/tasks?completed=true", None, F, expect=200)
call("GET", "/api/tasks", None, C1, expect=403)
t0 = time.time()
while True:
    s, n = call("POST", "/api/notes", {"clientId": c1id, "text": "Prefers calls in the morning 🌅; calling Tuesdays works"}, F)
    if s == 201: break
    if time.time() - t0 > 20: raise SystemExit(f"note: {s} {n}")
    time.sleep(0.2)
_, found = call("GET", "/api/notes?q=call%20morning", None, F, expect=200)
assert any(x["id"] == n["id"] for x in found["items"]), found
print("tasks and notes ok; search found the note")
# profile change -> relationship, measured
lat = []
for i in range(10):
    name = f"Client One v{i} {tag}"
    t0 = time.time()
    call("PATCH", "/api/users/me", {"preferredName": name}, C1, expect=200)
    while True:
        _, rels = call("GET", "/api/relationships", None, F, expect=200)
        if any(r["client"]["id"] == c1id and r["client"]["preferredName"] == name for r in rels["items"]): break
        if time.time() - t0 > 5: raise SystemExit("profile change did not arrive within 5 s")
        time.sleep(0.005)
    lat.append((time.time() - t0) * 1000)
lat.sort()
print("PATCH /api/users/me -> GET /api/relationships, ms:", [round(x) for x in lat], "median", round(statistics.median(lat)))
# end relationship -> refused
call("DELETE", f"/api/relationships/{r2['id']}", None, F, expect=204)
later = slots["items"][12]["start"]
t0 = time.time()
while True:
    s, e = call("POST", "/api/bookings", {"clientId": c2id, "start": later, "durationMinutes": 30, "title": "After end"}, F)
    if s == 422: break
    if time.time() - t0 > 20: raise SystemExit(f"after end: {s} {e}")
    time.sleep(0.2)
print("booking after end:", e["code"])
call("GET", f"/api/bookings/{b2['id']}", None, C2, expect=200)
print("ALL OK")
