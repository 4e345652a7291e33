package dev.assistants4j.emulator;

import java.time.Duration;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.assistants4j.model.assistant.Assistant;

/**
 * Everything an emulator holds: its objects, by kind, and the timers that move them on.
 */
final class EmulatorState {

	final Table<Assistant> assistants = new Table<>();

	final Table<ThreadState> threads = new Table<>();

	final Table<StoredFile> files = new Table<>();

	final Table<VectorStoreState> vectorStores = new Table<>();

	private final Scheduler scheduler;

	private volatile Disposable.Composite timers = Disposables.composite();

	EmulatorState(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	Assistant assistant(String id) {
		return this.assistants.get(id, () -> WireError.notFound("assistant", id));
	}

	ThreadState thread(String id) {
		return this.threads.get(id, () -> WireError.notFound("thread", id));
	}

	StoredFile file(String id) {
		return this.files.get(id, () -> WireError.noSuchFile(id));
	}

	VectorStoreState vectorStore(String id) {
		return this.vectorStores.get(id, () -> WireError.notFound("vector store", id));
	}

	/**
	 * Runs an action on the scheduler once a delay has passed, unless the emulator is reset or stopped first.
	 */
	void schedule(Duration delay, Runnable action) {
		Disposable.Composite current = this.timers;
		Disposable.Swap timer = Disposables.swap();
		current.add(timer);
		timer.update(Mono.delay(delay, this.scheduler).subscribe((tick) -> {
			current.remove(timer);
			action.run();
		}));
	}

	/**
	 * Forgets every object and stops every timer and run.
	 */
	void clear() {
		Disposable.Composite previous = this.timers;
		this.timers = Disposables.composite();
		previous.dispose();
		for (ThreadState thread : this.threads.values()) {
			synchronized (thread) {
				thread.runs.values().forEach(RunState::halt);
			}
		}
		this.assistants.clear();
		this.threads.clear();
		this.files.clear();
		this.vectorStores.clear();
	}

}
