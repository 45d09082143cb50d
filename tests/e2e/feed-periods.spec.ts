import { expect, test } from "@playwright/test";

// The seed's newest listing days: 2025-02-10, 2025-02-05, 2025-02-04, 2025-02-01 (two papers).

test("with no papers today the first screen shows the latest day with papers, and steps skip empty days", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "No papers yet today" })).toContainText(
    "Showing Feb 10, 2025, the latest day with papers",
  );
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("article").first()).toContainText("Feb 10, 2025");

  await page.getByRole("link", { name: "← Feb 5, 2025" }).click();
  await expect(page).toHaveURL(/\?date=2025-02-05$/);
  await expect(page.getByText("Day: Feb 5, 2025")).toBeVisible();
  await expect(page.getByRole("link", { name: "← Feb 4, 2025" })).toBeVisible();
  await page.getByRole("link", { name: "Feb 10, 2025 →" }).click();
  await expect(page).toHaveURL(/\?date=2025-02-10$/);
});

test("a month is a calendar month and a week an ISO week, named in the URL", async ({ page }) => {
  await page.goto("/?period=month&date=2025-02");
  await expect(page.getByText("Month: February 2025")).toBeVisible();
  const dates = await page.getByRole("article").locator("time").allTextContents();
  expect(dates.length).toBe(5);
  // A paper whose first-version day is unknown shows its id's month.
  for (const date of dates) expect(date).toMatch(/^Feb (\d+, )?2025$/);
  await expect(page.getByRole("link", { name: "← January 2025" })).toBeVisible();

  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Week" }).click();
  await expect(page).toHaveURL(/period=week&date=2025-W05$/);
  await expect(page.getByText("Week: Jan 27, 2025 – Feb 2, 2025")).toBeVisible();

  await page.goto("/?period=month&date=2025-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "This link has a parameter we cannot read" })).toContainText(
    "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)",
  );
});

test("a later page says how many papers the period holds and links back to the first", async ({ page }) => {
  await page.goto("/?period=month&date=2025-02&limit=3");
  await expect(page.getByRole("article")).toHaveCount(3);
  await page.getByRole("link", { name: "More papers" }).click();
  await expect(page.getByText("5 papers in February 2025")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(2);
  await page.getByRole("link", { name: "Back to the first page" }).click();
  await expect(page).toHaveURL(/\?period=month&date=2025-02$/);
  await expect(page.getByRole("article")).toHaveCount(5);
});
