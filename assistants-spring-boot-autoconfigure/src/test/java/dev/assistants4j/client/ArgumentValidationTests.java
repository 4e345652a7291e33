package dev.assistants4j.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;
import dev.assistants4j.model.file.FileListParams;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.ModifyMessageRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.ModifyRunRequest;
import dev.assistants4j.model.run.SubmitToolOutputsRequest;
import dev.assistants4j.model.runstep.RunStepListParams;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileBatchRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreFileRequest;
import dev.assistants4j.model.vectorstore.ModifyVectorStoreRequest;
import dev.assistants4j.model.vectorstore.VectorStoreFileListParams;
import dev.assistants4j.tool.ToolCallHandler;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every public method of every {@code …Operations} interface, found by reflection so that a new one is
 * covered the day it is added: a {@code null} argument, and a blank or dot-segment id, is rejected with an
 * {@link IllegalArgumentException} quoting the parameter's name, before any request reaches the server. Ids
 * that merely look like paths ({@code ../files}, {@code a/b}) are legal and stay inside their segment, as
 * {@link UriEncodingTests} proves; the client builder's own checks are in {@link AssistantsClientBuilderTests}.
 */
class ArgumentValidationTests {

	private static final List<String> BAD_IDS = List.of("", " ", "\t", ".", "..");

	private static final Map<Class<?>, Object> VALID = Map.ofEntries(Map.entry(String.class, "id_1"),
			Map.entry(int.class, 2), Map.entry(ListParams.class, ListParams.none()),
			Map.entry(MessageListParams.class, MessageListParams.none()),
			Map.entry(RunStepListParams.class, RunStepListParams.none()),
			Map.entry(FileListParams.class, FileListParams.none()),
			Map.entry(VectorStoreFileListParams.class, VectorStoreFileListParams.none()),
			Map.entry(CreateAssistantRequest.class, CreateAssistantRequest.builder("gpt-4o").build()),
			Map.entry(ModifyAssistantRequest.class, ModifyAssistantRequest.builder().build()),
			Map.entry(CreateThreadRequest.class, CreateThreadRequest.builder().build()),
			Map.entry(ModifyThreadRequest.class, ModifyThreadRequest.builder().build()),
			Map.entry(CreateMessageRequest.class, CreateMessageRequest.user("Hello")),
			Map.entry(ModifyMessageRequest.class, ModifyMessageRequest.builder().build()),
			Map.entry(CreateRunRequest.class, CreateRunRequest.builder("asst_1").build()),
			Map.entry(CreateThreadAndRunRequest.class, CreateThreadAndRunRequest.builder("asst_1").build()),
			Map.entry(ModifyRunRequest.class, ModifyRunRequest.builder().build()),
			Map.entry(SubmitToolOutputsRequest.class, SubmitToolOutputsRequest.of("call_1", "42")),
			Map.entry(ToolCallHandler.class, (ToolCallHandler) (call) -> Mono.just("42")),
			Map.entry(FileUpload.class, FileUpload.of(new byte[] { 1 }, "a.txt")),
			Map.entry(CreateVectorStoreRequest.class, CreateVectorStoreRequest.builder().build()),
			Map.entry(ModifyVectorStoreRequest.class, ModifyVectorStoreRequest.builder().build()),
			Map.entry(CreateVectorStoreFileRequest.class, CreateVectorStoreFileRequest.of("file-1")),
			Map.entry(ModifyVectorStoreFileRequest.class, ModifyVectorStoreFileRequest.of(Map.of("k", "v"))),
			Map.entry(CreateVectorStoreFileBatchRequest.class, CreateVectorStoreFileBatchRequest.of(List.of("file-1"))));

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * The accessors of the client, such as {@code runs()}, each returning one {@code …Operations}.
	 */
	private static List<Method> accessors() {
		return Arrays.stream(AssistantsClient.class.getMethods())
			.filter((method) -> method.getParameterCount() == 0 && method.getReturnType().isInterface()
					&& method.getReturnType().getSimpleName().endsWith("Operations"))
			.sorted(Comparator.comparing(Method::getName))
			.toList();
	}

	private static List<Method> operations(Method accessor) {
		return Arrays.stream(accessor.getReturnType().getMethods())
			.filter((method) -> !Modifier.isStatic(method.getModifiers()))
			.sorted(Comparator.comparing(ArgumentValidationTests::signature))
			.toList();
	}

	private static String signature(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
	}

	static Stream<Arguments> badArguments() {
		List<Arguments> cases = new ArrayList<>();
		for (Method accessor : accessors()) {
			for (Method operation : operations(accessor)) {
				Parameter[] parameters = operation.getParameters();
				for (int i = 0; i < parameters.length; i++) {
					if (parameters[i].getType().isPrimitive()) {
						continue;
					}
					String label = accessor.getName() + "()." + signature(operation) + " " + parameters[i].getName();
					cases.add(arguments(label + " = null", accessor, operation, i, null));
					if (parameters[i].getType() == String.class) {
						for (String bad : BAD_IDS) {
							cases.add(arguments(label + " = \"" + bad + "\"", accessor, operation, i, bad));
						}
					}
				}
			}
		}
		return cases.stream();
	}

	private static Object[] validArguments(Method operation) {
		Parameter[] parameters = operation.getParameters();
		Object[] args = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			args[i] = validArgument(parameters[i]);
		}
		return args;
	}

	private static Object validArgument(Parameter parameter) {
		if (parameter.getType() == List.class) {
			Type element = ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0];
			return (element == FileUpload.class) ? List.of(VALID.get(FileUpload.class))
					: List.of("step_details.tool_calls[*].file_search.results[*].content");
		}
		Object value = VALID.get(parameter.getType());
		assertThat(value).as("a valid %s for this test; add one when adding an operation", parameter.getType())
			.isNotNull();
		return value;
	}

	/**
	 * Calls the operation and returns what it rejected the call with, whether it threw or signalled it on
	 * subscription.
	 */
	private static @Nullable Throwable rejection(Object operations, Method operation, Object[] args) {
		Object result;
		try {
			result = operation.invoke(operations, args);
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(result).isInstanceOf(Publisher.class);
		AtomicReference<Throwable> error = new AtomicReference<>();
		StepVerifier.create((Publisher<?>) result).expectErrorSatisfies(error::set).verify(TIMEOUT);
		return error.get();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badArguments")
	void badArgumentIsRejectedBeforeAnyRequestWithItsName(String label, Method accessor, Method operation,
			int index, @Nullable Object bad) throws Exception {
		AssistantsClient client = AssistantsStubs.builder(server).build();
		Object[] args = validArguments(operation);
		args[index] = bad;
		Throwable rejection = rejection(accessor.invoke(client), operation, args);
		assertThat(rejection).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'" + operation.getParameters()[index].getName() + "'");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void everyOperationOfEveryResourceIsCovered() {
		assertThat(accessors()).extracting(Method::getName)
			.containsExactlyInAnyOrder("assistants", "threads", "messages", "runs", "runSteps", "files",
					"vectorStores", "vectorStoreFiles", "vectorStoreFileBatches");
		// The 42 wire operations plus the list, poll, stream and tool-loop conveniences over them.
		assertThat(accessors().stream().mapToLong((accessor) -> operations(accessor).size()).sum())
			.isGreaterThanOrEqualTo(42);
		assertThat(badArguments()).hasSizeGreaterThan(300);
	}

	static Stream<Function<Integer, Object>> pageSizes() {
		return Stream.of((limit) -> ListParams.builder().limit(limit).build(),
				(limit) -> MessageListParams.builder().limit(limit).build(),
				(limit) -> RunStepListParams.builder().limit(limit).build());
	}

	@ParameterizedTest
	@MethodSource("pageSizes")
	void pageSizeOutsideOneToAHundredIsRejectedWhenBuilt(Function<Integer, Object> params) {
		for (int limit : new int[] { 0, -1, 101, Integer.MAX_VALUE }) {
			assertThatIllegalArgumentException().isThrownBy(() -> params.apply(limit))
				.withMessage("'limit' must be between 1 and 100 but was " + limit);
		}
		assertThat(params.apply(1)).isNotNull();
		assertThat(params.apply(100)).isNotNull();
	}

}
