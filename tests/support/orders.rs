//! Going through an order's steps: the seed tutorial's whole order, and
//! the shortcuts to a given step, flow or submitted order.

use super::Demo;

impl Demo {
    /// Fills the seed tutorial's order (Peter's Verizon line, the iPhone 5,
    /// the Nationwide plan with Voice Mail, the tutorial's details and
    /// address), from the line step to the review step's cost summary.
    pub async fn fill_tutorial_order(&self) {
        self.fill_tutorial_order_checking(async |_, _| {}).await;
    }

    /// [`Demo::fill_tutorial_order`], calling `check` on each step once it
    /// is filled in (with the step's name), before moving on.
    pub async fn fill_tutorial_order_checking(&self, check: impl AsyncFn(&Demo, &str)) {
        self.click("label[for=\"mobproc-line-38382349\"]").await;
        self.wait_until_enabled("next", true).await;
        check(self, "line").await;
        self.click_test_id("next").await;
        self.wait_for_step("current-device").await;
        check(self, "current-device").await;
        self.click_test_id("next").await;
        self.wait_for_step("device").await;
        self.fill("mobproc-device-search", "iphone 5 (16GB) - black")
            .await;
        self.click("label[for=\"mobproc-device-9194713904\"]").await;
        self.wait_for_text("chosen-device-price", "$199.99").await;
        self.wait_until_enabled("next", true).await;
        check(self, "device").await;
        self.click_test_id("next").await;
        self.wait_for_step("plan").await;
        self.click("label[for=\"mobproc-plan-6568886698\"]").await;
        self.click("label[for=\"mobproc-feature-122\"]").await;
        self.wait_until_enabled("next", true).await;
        check(self, "plan").await;
        self.click_test_id("next").await;
        self.wait_for_step("details").await;
        self.fill("mobproc-property-CONTACT_NUMBER", "2035559999")
            .await;
        self.fill("mobproc-property-SERVICE_NUMBER", "2035557676")
            .await;
        self.choose("mobproc-property-Reason", "21").await;
        check(self, "details").await;
        self.click_test_id("next").await;
        self.fill_us_address().await;
        check(self, "shipping").await;
        self.click_test_id("next").await;
        self.wait_for_step("review").await;
        self.wait_for_text("cost-onetime", "$199.99").await;
        self.wait_for_text("cost-monthly", "$358.67").await;
        check(self, "review").await;
    }

    /// Fills the tutorial's United States address on the shipping step
    /// (the country the step starts with).
    pub async fn fill_us_address(&self) {
        self.wait_for_step("shipping").await;
        assert_eq!(self.value_of("mobproc-ship-country").await, "70144640");
        self.fill("mobproc-address-LINE_1", "35 Executive Blvd")
            .await;
        self.fill("mobproc-address-CITY", "Orange").await;
        self.choose("mobproc-address-STATE", "CT").await;
        self.fill("mobproc-address-POSTAL_CODE", "06477").await;
    }

    /// From the line step: the line `line` chosen, then the order `flow`
    /// (its id, e.g. `order-accessories`), until Continue is enabled.
    pub async fn choose_line_and_order(&self, line: &str, flow: &str) {
        self.click(&format!("label[for=\"mobproc-line-{line}\"]"))
            .await;
        self.element("[data-testid=\"flow-choice\"]").await;
        self.click(&format!("label[for=\"mobproc-flow-{flow}\"]"))
            .await;
        self.wait_until_enabled("next", true).await;
    }

    /// From the line step: Peter's upgradable Verizon line chosen, on to
    /// the new device step (the current device as the seed has it).
    pub async fn upgrade_peters_line_to_the_device_step(&self) {
        self.click("label[for=\"mobproc-line-38382349\"]").await;
        self.wait_until_enabled("next", true).await;
        self.click_test_id("next").await;
        self.wait_for_step("current-device").await;
        self.click_test_id("next").await;
        self.wait_for_step("device").await;
    }

    /// From the line step: a plan-only upgrade of Peter's Verizon line, on
    /// to the order details.
    pub async fn plan_only_upgrade_to_the_details_step(&self) {
        self.upgrade_peters_line_to_the_device_step().await;
        self.click_test_id("next").await;
        self.wait_for_step("plan").await;
        self.click("label[for=\"mobproc-plan-6568886698\"]").await;
        self.wait_until_enabled("next", true).await;
        self.click_test_id("next").await;
        self.wait_for_step("details").await;
    }

    /// Submits from the review and returns the only stored order, once the
    /// status step shows its number.
    pub async fn submit_and_read_back(&self) -> serde_json::Value {
        self.click_test_id("submit").await;
        self.wait_for_step("status").await;
        let number = self.text_of("order-number").await;
        let orders = self.stored_orders().await;
        assert_eq!(orders.len(), 1, "exactly one order is stored");
        assert_eq!(orders[0]["orderId"], number);
        orders[0].clone()
    }
}
