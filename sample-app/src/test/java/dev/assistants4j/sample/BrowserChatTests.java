package dev.assistants4j.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

// Chunks 150ms apart, so that the page shows the answer half written for long enough to be seen.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "openai.assistants.emulator.enabled=true", "openai.assistants.emulator.step-delay=1ms",
				"openai.assistants.emulator.chunk-delay=150ms", "sample.demos=" })
class BrowserChatTests {

	// Debian's packages, installed by .ci/run: no tool downloads a browser or a driver of its own.
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final String MESSAGE = "Hello from headless Chromium, please write this back word by word";

	// Reads the answer being written, and its state, in one step, so that the two agree.
	private static final String ANSWER_WHILE_STREAMING = """
			const answer = document.querySelector('.answer');
			return (answer && answer.dataset.state === 'streaming' && answer.textContent) ? answer.textContent : null;
			""";

	private static final String FINISHED_ANSWER = """
			const answer = document.querySelector('.answer');
			return (answer && answer.dataset.state === 'done') ? answer.textContent : null;
			""";

	@LocalServerPort
	private int port;

	@TempDir
	private Path profile;

	private WebDriver driver;

	@BeforeEach
	void startChromium() {
		// Skipped only on a developer's machine without the browser; in CI a missing browser fails the test.
		assumeTrue(Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
				"Install chromium and chromium-driver (Debian) to run the browser test");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--user-data-dir=" + this.profile, "--window-size=1000,800");
		this.driver = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopChromium() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void showsTheAnswerWhileItIsWrittenThenWhole() throws IOException {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
		wait.pollingEvery(Duration.ofMillis(20));
		this.driver.get("http://localhost:" + this.port + "/");
		// With no assistant yet, the page creates one.
		wait.until((page) -> !page.findElements(By.cssSelector("#assistant option")).isEmpty());
		this.driver.findElement(By.id("message")).sendKeys(MESSAGE);
		this.driver.findElement(By.id("send")).click();
		String partial = wait.until((page) -> (String) ((JavascriptExecutor) page).executeScript(ANSWER_WHILE_STREAMING));
		String whole = wait.until((page) -> (String) ((JavascriptExecutor) page).executeScript(FINISHED_ANSWER));
		Path screenshot = Path.of("target", "browser-chat.png");
		Files.createDirectories(screenshot.getParent());
		Files.copy(((ChromeDriver) this.driver).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(whole).isEqualTo("[emulator] You said: " + MESSAGE);
		assertThat(partial).isNotEqualTo(whole);
		assertThat(whole).startsWith(partial);
		assertThat(this.driver.findElement(By.id("thread")).getText()).startsWith("Thread thread_");
	}

}
