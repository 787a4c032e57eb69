# versions: 3.11+
# Fails on purpose: AttributeError on None in the middle of a method-call chain inside a method.


class Cursor:
    def execute(self, query):
        return f"rows for {query!r}"


class Connection:
    def cursor(self):
        return Cursor()


class Repository:
    def __init__(self, conn):
        self.conn = conn

    def fetch(self, query):
        return self.conn.cursor().execute(query)


print(Repository(Connection()).fetch("select 1"))
closed = Repository(None)
print("fetching from a closed repository")
print(closed.fetch("select 2"))
print("never printed")
