# versions: 3.11+
# Fails on purpose: an uncaught KeyError from a nested dict lookup inside a method (exit code 1).


class Settings:
    def __init__(self, data):
        self.data = data

    def database_port(self):
        section = self.data["database"]
        return section["port"]

    def describe(self):
        return f"{self.data['database']['host']}:{self.database_port()}"


good = Settings({"database": {"host": "db.local", "port": 5432}})
print("good config:", good.describe())
bad = Settings({"database": {"host": "db.local", "user": "admin"}})
print("bad config keys:", sorted(bad.data["database"]))
print("describing bad config...")
print(bad.describe())
print("never printed")
