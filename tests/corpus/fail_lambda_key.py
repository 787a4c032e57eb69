# versions: 3.11+
# Fails on purpose: a TypeError raised inside a lambda used as a sort key (a frame named <lambda>
# appears between the module and the sorted() call).

people = [
    {"name": "ann", "age": 31, "city": "Oslo"},
    {"name": "bob", "age": 25, "city": "Rome"},
    {"name": "dee", "age": 42, "city": "Oslo"},
]
by_age = sorted(people, key=lambda p: p["age"] + 1)
print("by age:", [p["name"] for p in by_age])
by_city = sorted(people, key=lambda p: (p["city"], -p["age"]))
print("by city, oldest first:", [(p["city"], p["name"]) for p in by_city])
oldest = max(people, key=lambda p: p["age"])
print("oldest:", oldest["name"], "average age:", sum(p["age"] for p in people) / len(people))
people.append({"name": "cy", "age": None, "city": "Lima"})
print("sorting", len(people), "people again")
print(sorted(people, key=lambda p: p["age"] + 1))
print("never printed")
