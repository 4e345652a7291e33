package dev.assistants4j.emulator;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.model.tool.ToolResources;

/**
 * A thread with its messages and runs. Its monitor is the lock of everything in it: a message added, a run
 * moving on, a page listed. The lock is held only to change or read memory, never across I/O or a wait, so
 * an event-loop thread that takes it is held up for microseconds at most.
 */
final class ThreadState {

	static final String PREFIX = "thread_";

	private final String id;

	private final long createdAt;

	private @Nullable ToolResources toolResources;

	private Map<String, String> metadata;

	final Table<MessageState> messages = new Table<>();

	final Table<RunState> runs = new Table<>();

	ThreadState(long createdAt, @Nullable ToolResources toolResources, @Nullable Map<String, String> metadata) {
		this.id = Ids.next(PREFIX);
		this.createdAt = createdAt;
		this.toolResources = toolResources;
		this.metadata = (metadata != null) ? metadata : Map.of();
	}

	String id() {
		return this.id;
	}

	/**
	 * Returns the run that holds the thread, if any.
	 */
	@Nullable RunState activeRun() {
		return this.runs.values().stream().filter(RunState::isActive).findFirst().orElse(null);
	}

	void modify(@Nullable ToolResources toolResources, @Nullable Map<String, String> metadata) {
		if (toolResources != null) {
			this.toolResources = toolResources;
		}
		if (metadata != null) {
			this.metadata = metadata;
		}
	}

	AssistantThread toWire() {
		return new AssistantThread(this.id, "thread", this.createdAt,
				(this.toolResources != null) ? this.toolResources : new ToolResources(null, null), this.metadata);
	}

}
