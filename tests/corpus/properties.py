# versions: 3.11+
# property with getter/setter/deleter: validation in setters, computed read-only properties, the
# AttributeError messages for missing setters and deleters, and the property object itself.


class Temperature:
    def __init__(self, celsius=0.0):
        self._celsius = None
        self.celsius = celsius

    @property
    def celsius(self):
        """Temperature in degrees Celsius."""
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"temperature must be a number, not {type(value).__name__}")
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        print(f"  set celsius {self._celsius} -> {value}")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        self._celsius = None

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @property
    def kelvin(self):
        return round(self._celsius + 273.15, 2)


t = Temperature(25)
print(t.celsius, t.fahrenheit, t.kelvin)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
for bad in ["hot", -300]:
    try:
        t.celsius = bad
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
try:
    t.kelvin = 0
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius, t.__dict__)
try:
    del t.kelvin
except AttributeError as e:
    print("AttributeError:", e)
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__, Temperature.kelvin.fset is None)
