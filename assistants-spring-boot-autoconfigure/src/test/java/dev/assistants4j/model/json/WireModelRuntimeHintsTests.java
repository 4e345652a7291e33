package dev.assistants4j.model.json;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.assistants4j.client.ApiError;
import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.OpenEnum;
import dev.assistants4j.model.Page;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.stream.AssistantStreamEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type the client's JSON mapper can meet has the reflection hints Jackson needs in a native image.
 */
class WireModelRuntimeHintsTests {

	private final RuntimeHints hints = hints();

	private static RuntimeHints hints() {
		RuntimeHints hints = new RuntimeHints();
		new WireModelRuntimeHints().registerHints(hints, WireModelRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

	@Test
	void everyTypeReachableFromTheClientsOperationsAndStreamEventsHasHints() {
		Set<Class<?>> reachable = reachableFrom(AssistantsClient.class, AssistantStreamEvent.class);
		assertThat(reachable).hasSizeGreaterThan(100).contains(Run.class, Page.class, DeletionStatus.class,
				Tool.Unknown.class, AssistantStreamEvent.Unknown.class);
		assertThat(reachable.stream().filter((type) -> type.getPackageName().startsWith("dev.assistants4j.model")))
			.allSatisfy(this::assertHinted);
	}

	@Test
	void everyCompiledClassOfTheModelStreamAndToolPackagesHasHints() throws IOException {
		Path classes = Path.of(WireModelRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		List<String> names;
		try (Stream<Path> files = Stream.of("model", "stream", "tool")
			.map((name) -> classes.resolve("dev/assistants4j").resolve(name))
			.flatMap(WireModelRuntimeHintsTests::walk)) {
			names = files.map((file) -> classes.relativize(file).toString())
				.filter((file) -> file.endsWith(".class") && !file.endsWith("package-info.class"))
				.map((file) -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
				.toList();
		}
		assertThat(names).hasSizeGreaterThan(150);
		assertThat(names).allSatisfy((name) -> assertThat(RuntimeHintsPredicates.reflection().onType(
				org.springframework.aot.hint.TypeReference.of(name))).accepts(this.hints));
	}

	@Test
	void recordConstructorsAndAccessorsCanBeInvoked() {
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
				Run.class.getDeclaredConstructors()[0])).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Run.class, "status")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
				ApiError.class.getDeclaredConstructors()[0])).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(
				DeletionStatus.class.getDeclaredConstructors()[0])).accepts(this.hints);
	}

	@Test
	void openEnumFactoriesCanBeInvoked() {
		Set<Class<?>> enums = new LinkedHashSet<>();
		for (String name : WireModelRuntimeHints.wireTypes(getClass().getClassLoader())) {
			Class<?> type = load(name);
			if (OpenEnum.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
				enums.add(type);
			}
		}
		assertThat(enums).contains(RunStatus.class).hasSizeGreaterThan(10);
		assertThat(enums).allSatisfy((type) -> assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(type.getMethod("of", String.class)))
			.accepts(this.hints));
	}

	@Test
	void isRegisteredForSpringAot() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(org.springframework.aot.hint.RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(WireModelRuntimeHints.class);
	}

	private void assertHinted(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(type)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS))
			.as("hints for %s", type.getName())
			.accepts(this.hints);
	}

	/**
	 * Walks what the API hands out and takes in: method signatures, record components, the members of sealed
	 * unions and nested types.
	 */
	private static Set<Class<?>> reachableFrom(Class<?>... roots) {
		Set<Class<?>> seen = new LinkedHashSet<>();
		Deque<Type> pending = new ArrayDeque<>(List.of(roots));
		while (!pending.isEmpty()) {
			Type next = pending.pop();
			if (next instanceof ParameterizedType parameterized) {
				pending.push(parameterized.getRawType());
				pending.addAll(List.of(parameterized.getActualTypeArguments()));
			}
			else if (next instanceof WildcardType wildcard) {
				pending.addAll(List.of(wildcard.getUpperBounds()));
			}
			else if (next instanceof Class<?> type && type.getName().startsWith("dev.assistants4j.")
					&& seen.add(type)) {
				for (Method method : type.getMethods()) {
					if (method.getDeclaringClass().getName().startsWith("dev.assistants4j.")) {
						pending.push(method.getGenericReturnType());
						pending.addAll(List.of(method.getGenericParameterTypes()));
					}
				}
				if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						pending.push(component.getGenericType());
					}
				}
				if (type.isSealed()) {
					pending.addAll(List.of(type.getPermittedSubclasses()));
				}
				pending.addAll(List.of(type.getDeclaredClasses()));
			}
		}
		return seen;
	}

	private static Stream<Path> walk(Path directory) {
		try {
			return Files.walk(directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, WireModelRuntimeHintsTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
