package dev.assistants4j.model.json;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.InputText;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.RefusalContent;
import dev.assistants4j.model.message.TextAnnotation;
import dev.assistants4j.model.message.TextAnnotationDelta;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.run.TruncationStrategy;
import dev.assistants4j.model.runstep.CodeInterpreterOutput;
import dev.assistants4j.model.runstep.CodeInterpreterOutputDelta;
import dev.assistants4j.model.runstep.CodeInterpreterToolCall;
import dev.assistants4j.model.runstep.FileSearchToolCall;
import dev.assistants4j.model.runstep.FunctionToolCall;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.runstep.StepDetailsDelta;
import dev.assistants4j.model.runstep.ToolCall;
import dev.assistants4j.model.runstep.ToolCallDelta;
import dev.assistants4j.model.tool.CodeInterpreterTool;
import dev.assistants4j.model.tool.FileSearchTool;
import dev.assistants4j.model.tool.FunctionTool;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;

/**
 * The JSON mapping of the wire model. The client owns its mapper, configured for the protocol rather than by
 * the application: unknown properties are ignored, tokens after the first JSON value are ignored, an integer
 * out of its type's range reads as absent, absent values are not written, and every union decodes through its
 * discriminator with an {@code Unknown} fallback.
 */
public final class AssistantsJson {

	private AssistantsJson() {
	}

	/**
	 * Creates a mapper configured for the wire protocol. Each call returns a new, independent mapper.
	 * @return a new mapper
	 */
	public static JsonMapper newMapper() {
		// Buffers recycled per thread: the client parses on a few event-loop threads, where Jackson's default
		// shared deque cost a node and two compare-and-sets per parser (about 5 % of a stream event's CPU).
		JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
		return JsonMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
			// Read the first value and ignore what follows it: the spec's own stream examples close runs twice.
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.addHandler(new TolerantProblemHandler())
			.addModule(module())
			.addModule(tolerantNumbers())
			.build();
	}

	private static JacksonModule tolerantNumbers() {
		SimpleModule module = new SimpleModule("assistants4j-tolerant-numbers");
		module.addDeserializer(Integer.class, new TolerantNumberDeserializer<>(Integer.class));
		module.addDeserializer(int.class, new TolerantNumberDeserializer<>(int.class));
		module.addDeserializer(Long.class, new TolerantNumberDeserializer<>(Long.class));
		module.addDeserializer(long.class, new TolerantNumberDeserializer<>(long.class));
		return module;
	}

	/**
	 * Returns the module that decodes the wire model's unions, for use in a mapper of one's own. It also calls
	 * the wire model's record constructors through method handles prepared once, rather than Jackson's
	 * per-call adaptation.
	 * @return the module
	 */
	public static JacksonModule module() {
		SimpleModule module = new SimpleModule("assistants4j") {

			private static final long serialVersionUID = 1L;

			@Override
			public void setupModule(SetupContext context) {
				super.setupModule(context);
				context.addValueInstantiators(new RecordCreators());
			}

		};
		module.addDeserializer(Tool.class,
				UnionDeserializer.byType(Tool.class,
						Map.of(CodeInterpreterTool.TYPE, CodeInterpreterTool.class, FileSearchTool.TYPE,
								FileSearchTool.class, FunctionTool.TYPE, FunctionTool.class),
						Tool.Unknown::new));
		module.addDeserializer(ResponseFormat.class,
				UnionDeserializer.byTypeOrString(ResponseFormat.class,
						Map.of("text", ResponseFormat.Text.class, "json_object", ResponseFormat.JsonObject.class,
								"json_schema", ResponseFormat.JsonSchema.class),
						Map.of("auto", ResponseFormat.auto()), ResponseFormat.Unknown::new));
		module.addDeserializer(ChunkingStrategy.class,
				UnionDeserializer.byType(ChunkingStrategy.class,
						Map.of("auto", ChunkingStrategy.Auto.class, "static", ChunkingStrategy.Static.class, "other",
								ChunkingStrategy.Other.class),
						ChunkingStrategy.Unknown::new));
		module.addDeserializer(MessageContent.class,
				UnionDeserializer.byType(MessageContent.class,
						Map.of(TextContent.TYPE, TextContent.class, ImageFileContent.TYPE, ImageFileContent.class,
								ImageUrlContent.TYPE, ImageUrlContent.class, RefusalContent.TYPE,
								RefusalContent.class),
						MessageContent.Unknown::new));
		module.addDeserializer(TextAnnotation.class,
				UnionDeserializer.byType(TextAnnotation.class,
						Map.of(FileCitationAnnotation.TYPE, FileCitationAnnotation.class, FilePathAnnotation.TYPE,
								FilePathAnnotation.class),
						TextAnnotation.Unknown::new));
		module.addDeserializer(InputPart.class,
				UnionDeserializer.byType(InputPart.class,
						Map.of(InputText.TYPE, InputText.class, ImageFileContent.TYPE, ImageFileContent.class,
								ImageUrlContent.TYPE, ImageUrlContent.class),
						InputPart.Unknown::new));
		module.addDeserializer(CreateMessageRequest.Content.class, new CreateMessageContentDeserializer());
		module.addDeserializer(MessageContentDelta.class,
				UnionDeserializer.byType(MessageContentDelta.class,
						Map.of(TextContent.TYPE, MessageContentDelta.Text.class, ImageFileContent.TYPE,
								MessageContentDelta.ImageFile.class, ImageUrlContent.TYPE,
								MessageContentDelta.ImageUrl.class, RefusalContent.TYPE,
								MessageContentDelta.Refusal.class),
						MessageContentDelta.Unknown::new));
		module.addDeserializer(TextAnnotationDelta.class,
				UnionDeserializer.byType(TextAnnotationDelta.class,
						Map.of(FileCitationAnnotation.TYPE, TextAnnotationDelta.FileCitation.class,
								FilePathAnnotation.TYPE, TextAnnotationDelta.FilePath.class),
						TextAnnotationDelta.Unknown::new));
		module.addDeserializer(ToolChoice.class,
				UnionDeserializer.byTypeOrString(ToolChoice.class,
						Map.of("function", ToolChoice.Function.class, "file_search", ToolChoice.FileSearch.class,
								"code_interpreter", ToolChoice.CodeInterpreter.class),
						Map.of("none", ToolChoice.none(), "auto", ToolChoice.auto(), "required",
								ToolChoice.required()),
						ToolChoice.Unknown::new));
		module.addDeserializer(TruncationStrategy.class,
				UnionDeserializer.byType(TruncationStrategy.class,
						Map.of("auto", TruncationStrategy.Auto.class, "last_messages",
								TruncationStrategy.LastMessages.class),
						TruncationStrategy.Unknown::new));
		module.addDeserializer(StepDetails.class,
				UnionDeserializer.byType(StepDetails.class,
						Map.of("message_creation", StepDetails.MessageCreation.class, "tool_calls",
								StepDetails.ToolCalls.class),
						StepDetails.Unknown::new));
		module.addDeserializer(ToolCall.class,
				UnionDeserializer.byType(ToolCall.class,
						Map.of(CodeInterpreterToolCall.TYPE, CodeInterpreterToolCall.class, FileSearchToolCall.TYPE,
								FileSearchToolCall.class, FunctionToolCall.TYPE, FunctionToolCall.class),
						ToolCall.Unknown::new));
		module.addDeserializer(CodeInterpreterOutput.class,
				UnionDeserializer.byType(CodeInterpreterOutput.class,
						Map.of("logs", CodeInterpreterOutput.Logs.class, "image", CodeInterpreterOutput.Image.class),
						CodeInterpreterOutput.Unknown::new));
		module.addDeserializer(StepDetailsDelta.class,
				UnionDeserializer.byType(StepDetailsDelta.class,
						Map.of("message_creation", StepDetails.MessageCreation.class, "tool_calls",
								StepDetailsDelta.ToolCalls.class),
						StepDetailsDelta.Unknown::new));
		module.addDeserializer(ToolCallDelta.class,
				UnionDeserializer.byType(ToolCallDelta.class,
						Map.of(CodeInterpreterToolCall.TYPE, ToolCallDelta.CodeInterpreter.class,
								FileSearchToolCall.TYPE, ToolCallDelta.FileSearch.class, FunctionToolCall.TYPE,
								ToolCallDelta.Function.class),
						ToolCallDelta.Unknown::new));
		module.addDeserializer(CodeInterpreterOutputDelta.class,
				UnionDeserializer.byType(CodeInterpreterOutputDelta.class,
						Map.of("logs", CodeInterpreterOutputDelta.Logs.class, "image",
								CodeInterpreterOutputDelta.Image.class),
						CodeInterpreterOutputDelta.Unknown::new));
		return module;
	}

}
