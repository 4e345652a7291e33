package dev.assistants4j.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.assistants4j.model.runstep.CodeInterpreterOutput;
import dev.assistants4j.model.runstep.CodeInterpreterOutputDelta;
import dev.assistants4j.model.runstep.CodeInterpreterToolCall;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepDelta;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.StepDetailsDelta;
import dev.assistants4j.model.runstep.ToolCall;
import dev.assistants4j.model.runstep.ToolCallDelta;

import static dev.assistants4j.stream.DeltaMerging.append;
import static dev.assistants4j.stream.DeltaMerging.indexOf;
import static dev.assistants4j.stream.DeltaMerging.joined;
import static dev.assistants4j.stream.DeltaMerging.latest;
import static dev.assistants4j.stream.DeltaMerging.string;

/**
 * One run step as the events of a stream build it: the latest snapshot of the whole step, and its tool calls
 * by index, which deltas grow. As for messages, a call of a snapshot replaces the call accumulated at its
 * index, and a call the snapshot lacks is kept. Not thread-safe.
 */
final class RunStepAccumulator {

	private RunStep step;

	/** The details when they are not tool calls: the message the step creates, or details of an unknown type. */
	private @Nullable StepDetails details;

	/** The tool calls by index, once the step is known to call tools. */
	private @Nullable SortedMap<Integer, Call> calls;

	RunStepAccumulator(@Nullable String id) {
		this.step = new RunStep(id, "thread.run.step", null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	void snapshot(RunStep step) {
		this.step = step;
		if (step.stepDetails() instanceof StepDetails.ToolCalls toolCalls) {
			SortedMap<Integer, Call> calls = calls();
			for (int index = 0; index < toolCalls.toolCalls().size(); index++) {
				calls.put(index, Call.of(toolCalls.toolCalls().get(index)));
			}
		}
		else if (step.stepDetails() != null) {
			this.details = step.stepDetails();
			this.calls = null;
		}
	}

	void delta(RunStepDelta.Delta delta) {
		StepDetailsDelta details = delta.stepDetails();
		if (details instanceof StepDetails.MessageCreation messageCreation) {
			this.details = messageCreation;
		}
		else if (details instanceof StepDetailsDelta.ToolCalls toolCalls) {
			for (ToolCallDelta call : toolCalls.toolCalls()) {
				calls().compute(indexOf(call.index()), (index, current) -> merge(current, call));
			}
		}
		// Details of an unknown type cannot be grown without knowing how: the step's last snapshot brings them.
	}

	RunStep step() {
		RunStep s = this.step;
		StepDetails details = this.details;
		RunStepType type = s.type();
		if (this.calls != null) {
			details = new StepDetails.ToolCalls(this.calls.values().stream().map(Call::toolCall).toList());
			type = latest(type, RunStepType.TOOL_CALLS);
		}
		else if (details instanceof StepDetails.MessageCreation) {
			type = latest(type, RunStepType.MESSAGE_CREATION);
		}
		return new RunStep(s.id(), s.object(), s.createdAt(), s.assistantId(), s.threadId(), s.runId(), type,
				s.status(), details, s.lastError(), s.expiredAt(), s.cancelledAt(), s.failedAt(), s.completedAt(),
				s.metadata(), s.usage());
	}

	private SortedMap<Integer, Call> calls() {
		if (this.calls == null) {
			this.calls = new TreeMap<>();
		}
		return this.calls;
	}

	private static @Nullable Call merge(@Nullable Call current, ToolCallDelta delta) {
		if (delta instanceof ToolCallDelta.Function function) {
			FunctionCall call = (current instanceof FunctionCall functionCall) ? functionCall : new FunctionCall(null);
			call.add(function);
			return call;
		}
		if (delta instanceof ToolCallDelta.CodeInterpreter code) {
			CodeCall call = (current instanceof CodeCall codeCall) ? codeCall : new CodeCall(null);
			call.add(code);
			return call;
		}
		if (delta instanceof ToolCallDelta.FileSearch search) {
			FileSearchToolCall before = (current instanceof FixedCall fixed
					&& fixed.toolCall() instanceof FileSearchToolCall call) ? call : null;
			return new FixedCall(fileSearch(before, search));
		}
		// A call of an unknown type cannot be grown without knowing how: the step's last snapshot brings it.
		return current;
	}

	/**
	 * Merges a file search: its ranking replaced when sent, its results appended.
	 */
	private static FileSearchToolCall fileSearch(@Nullable FileSearchToolCall before, ToolCallDelta.FileSearch delta) {
		FileSearchToolCall.FileSearch was = (before != null) ? before.fileSearch() : null;
		FileSearchToolCall.FileSearch sent = delta.fileSearch();
		if (sent == null) {
			return new FileSearchToolCall(latest(delta.id(), before, FileSearchToolCall::id), was);
		}
		List<FileSearchToolCall.Result> results = new ArrayList<>((was != null) ? was.results() : List.of());
		results.addAll(sent.results());
		return new FileSearchToolCall(latest(delta.id(), before, FileSearchToolCall::id),
				new FileSearchToolCall.FileSearch(
						latest(sent.rankingOptions(), was, FileSearchToolCall.FileSearch::rankingOptions), results));
	}

	/**
	 * A tool call being built.
	 */
	private interface Call {

		ToolCall toolCall();

		static Call of(ToolCall call) {
			if (call instanceof FunctionToolCall function) {
				return new FunctionCall(function);
			}
			if (call instanceof CodeInterpreterToolCall code) {
				return new CodeCall(code);
			}
			return new FixedCall(call);
		}

	}

	/**
	 * A call that deltas replace whole or merge without appending: a file search, a call of an unknown type.
	 */
	private record FixedCall(ToolCall toolCall) implements Call {
	}

	/**
	 * A function call: its name and output replaced when sent, its arguments grown piece by piece.
	 */
	private static final class FunctionCall implements Call {

		private @Nullable String id;

		private @Nullable String name;

		private @Nullable StringBuilder arguments;

		private @Nullable String output;

		FunctionCall(@Nullable FunctionToolCall call) {
			if (call != null) {
				this.id = call.id();
				addFunction(call.function());
			}
		}

		void add(ToolCallDelta.Function delta) {
			this.id = latest(delta.id(), this.id);
			addFunction(delta.function());
		}

		private void addFunction(FunctionToolCall.@Nullable Function function) {
			if (function != null) {
				this.name = latest(function.name(), this.name);
				this.arguments = append(this.arguments, function.arguments());
				this.output = latest(function.output(), this.output);
			}
		}

		@Override
		public ToolCall toolCall() {
			return new FunctionToolCall(this.id, new FunctionToolCall.Function(this.name, string(this.arguments),
					this.output));
		}

	}

	/**
	 * A code interpreter call: its code grown piece by piece, its outputs merged by index.
	 */
	private static final class CodeCall implements Call {

		private @Nullable String id;

		private @Nullable StringBuilder input;

		private final SortedMap<Integer, CodeInterpreterOutput> outputs = new TreeMap<>();

		CodeCall(@Nullable CodeInterpreterToolCall call) {
			if (call != null) {
				this.id = call.id();
				if (call.codeInterpreter() != null) {
					this.input = append(null, call.codeInterpreter().input());
					List<CodeInterpreterOutput> outputs = call.codeInterpreter().outputs();
					for (int index = 0; index < outputs.size(); index++) {
						this.outputs.put(index, outputs.get(index));
					}
				}
			}
		}

		void add(ToolCallDelta.CodeInterpreter delta) {
			this.id = latest(delta.id(), this.id);
			if (delta.codeInterpreter() != null) {
				this.input = append(this.input, delta.codeInterpreter().input());
				for (CodeInterpreterOutputDelta output : delta.codeInterpreter().outputs()) {
					this.outputs.compute(indexOf(output.index()), (index, current) -> merge(current, output));
				}
			}
		}

		private static @Nullable CodeInterpreterOutput merge(@Nullable CodeInterpreterOutput current,
				CodeInterpreterOutputDelta delta) {
			if (delta instanceof CodeInterpreterOutputDelta.Logs logs) {
				String before = (current instanceof CodeInterpreterOutput.Logs was) ? was.logs() : null;
				return new CodeInterpreterOutput.Logs(joined(before, logs.logs()));
			}
			if (delta instanceof CodeInterpreterOutputDelta.Image image) {
				return new CodeInterpreterOutput.Image(image.image());
			}
			// An output of an unknown type cannot be grown without knowing how: the step's last snapshot brings it.
			return current;
		}

		@Override
		public ToolCall toolCall() {
			return new CodeInterpreterToolCall(this.id, new CodeInterpreterToolCall.CodeInterpreter(string(this.input),
					List.copyOf(this.outputs.values())));
		}

	}

}
