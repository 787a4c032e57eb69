"""A Richards-style operating-system simulation: a kernel runs the highest-priority ready task among six
(an idle task, a worker, two handlers, two devices) that pass message packets to each other.

Exercises classes: instance attributes read and written all the time, method calls, a base class with
subclasses overriding one method (calls through super().__init__ and self), linked lists built from objects,
None tests, small integer arithmetic and bit operations.

    scheduler.py [RUNS]    RUNS: how many times a fresh system is built and run to the end (default 36;
                           the work is linear in it)

Prints the kernel's counters (packets queued, tasks put on hold, context switches) and the checksum of the
data the devices received.
"""
import sys

DEFAULT_RUNS = 36

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
TASK_COUNT = 6

KIND_DEVICE = 0
KIND_WORK = 1

PAYLOAD = 4           # data slots in a packet
IDLE_ROUNDS = 10000   # how many times the idle task runs before the system stops


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link      # the next packet in a queue, or None
        self.owner = owner    # the task that sent it last
        self.kind = kind
        self.index = 0        # for work packets: how much of the payload a handler has used
        self.data = [0] * PAYLOAD

    def enqueue(self, head):
        """Appends this packet to the queue starting at head (may be None); returns the new head."""
        self.link = None
        if head is None:
            return self
        last = head
        while last.link is not None:
            last = last.link
        last.link = self
        return head


class Task:
    def __init__(self, kernel, ident, priority, queue):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue            # packets waiting for this task
        self.held = False             # held tasks never run until released
        self.waiting = queue is None  # waiting tasks run only once a packet arrives
        kernel.add(self)

    def ready(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def step(self, packet):
        """Runs the task once, with the packet it was waiting for (or None); returns the task to run next."""
        raise NotImplementedError

    # The kernel calls, from a running task. Each returns the task the kernel should look at next.

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.kernel.holds += 1
        self.held = True
        return self.next

    def release(self, ident):
        other = self.kernel.tasks[ident]
        other.held = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet, ident):
        kernel = self.kernel
        kernel.queued += 1
        other = kernel.tasks[ident]
        packet.owner = self.ident
        if other.queue is None:
            # The receiver's queue was empty: if it was waiting, it becomes ready; look at it first when it
            # has the higher priority.
            packet.link = None
            other.queue = packet
            if other.priority > self.priority:
                return other
            return self
        other.queue = packet.enqueue(other.queue)
        return self


class IdleTask(Task):
    def __init__(self, kernel, ident, priority):
        super().__init__(kernel, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.left = IDLE_ROUNDS

    def step(self, packet):
        self.left -= 1
        if self.left == 0:
            return self.hold()
        # A 16-bit shift register decides which device gets woken up.
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        super().__init__(kernel, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        # Fill the work packet with the next letters and send it to the handlers in turn.
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.index = 0
        data = packet.data
        for i in range(PAYLOAD):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.send(packet, self.target)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue, device):
        super().__init__(kernel, ident, priority, queue)
        self.device = device
        self.work = None      # work packets to hand out, one item at a time
        self.blanks = None    # device packets free to carry an item

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.enqueue(self.work)
            else:
                self.blanks = packet.enqueue(self.blanks)
        work = self.work
        if work is not None:
            i = work.index
            if i >= PAYLOAD:
                # All of it handed out: the work packet goes back to the worker.
                self.work = work.link
                return self.send(work, WORKER)
            blank = self.blanks
            if blank is not None:
                self.blanks = blank.link
                blank.index = work.data[i]
                work.index = i + 1
                return self.send(blank, self.device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        super().__init__(kernel, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            done = self.pending
            if done is None:
                return self.wait()
            self.pending = None
            return self.send(done, done.owner)
        # "Perform the I/O": note the item, then sleep until the idle task wakes this device up.
        self.pending = packet
        self.kernel.checksum = (self.kernel.checksum * 31 + packet.index + self.ident) & 0xFFFFFF
        return self.hold()


class Kernel:
    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.first = None     # the task list, highest priority first
        self.queued = 0
        self.holds = 0
        self.switches = 0
        self.checksum = 0

    def add(self, task):
        self.tasks[task.ident] = task
        # Insert into the list, kept in decreasing priority order.
        if self.first is None or task.priority > self.first.priority:
            task.next = self.first
            self.first = task
            return
        prev = self.first
        while prev.next is not None and prev.next.priority >= task.priority:
            prev = prev.next
        task.next = prev.next
        prev.next = task

    def run(self):
        task = self.first
        while task is not None:
            if task.ready():
                packet = None
                if task.waiting:
                    packet = task.queue
                    task.queue = packet.link
                    task.waiting = False
                self.switches += 1
                task = task.step(packet)
            else:
                task = task.next


def build():
    kernel = Kernel()
    IdleTask(kernel, IDLE, 0)

    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(kernel, WORKER, 1000, work)

    for ident, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        blanks = None
        for _ in range(3):
            blanks = Packet(blanks, device, KIND_DEVICE)
        HandlerTask(kernel, ident, 2000 + ident, blanks, device)

    DeviceTask(kernel, DEVICE_A, 4000)
    DeviceTask(kernel, DEVICE_B, 5000)
    return kernel


def main(argv):
    runs = int(argv[1]) if len(argv) > 1 else DEFAULT_RUNS
    totals = [0, 0, 0, 0]
    first = None
    for _ in range(runs):
        kernel = build()
        kernel.run()
        result = (kernel.queued, kernel.holds, kernel.switches, kernel.checksum)
        if first is None:
            first = result
        elif result != first:
            print("error: a run gave", result, "instead of", first)
            return 1
        for i in range(4):
            totals[i] += result[i]
    print("one run: queued=%d holds=%d switches=%d checksum=%d" % first)
    print("%d runs: queued=%d holds=%d switches=%d" % (runs, totals[0], totals[1], totals[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
