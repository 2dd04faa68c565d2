// Templates against the emulator: create, list across pages (limit=2), get, delete; and a
// template message checked against its definition before sending.

#include <gtest/gtest.h>

#include <set>

#include "api_fixture.hpp"

namespace api_templates_test {

using whatsapp::NewTemplate;
using whatsapp::TemplateComponentDef;
using whatsapp_test::ApiEmulatorTest;
using whatsapp_test::kPhone;
using whatsapp_test::kWaba;

using TemplatesEmulator = ApiEmulatorTest;

NewTemplate make(const std::string& name) {
  NewTemplate t;
  t.name = name;
  t.language = "en_US";
  t.category = "UTILITY";
  t.components = {TemplateComponentDef::body("Order {{1}} ships on {{2}}.")
                      .with_example(whatsapp::TemplateExample::body({"#1", "Monday"}))};
  return t;
}

TEST_F(TemplatesEmulator, CreateListPagesGetDelete) {
  auto tp = client->templates();
  std::set<std::string> created;
  for (const char* name : {"order_shipped_a", "order_shipped_b", "order_shipped_c"}) {
    auto r = tp.create(kWaba, make(name));
    ASSERT_TRUE(r.ok()) << r.error().to_string();
    EXPECT_EQ(r->status, "PENDING");
    created.insert(r->id);
  }
  auto dup = tp.create(kWaba, make("order_shipped_a"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().graph()->error_subcode, 2388024);

  whatsapp::TemplateFilter f;
  f.limit = 2;
  std::set<std::string> seen;
  auto all = tp.list_all(kWaba, f);
  for (auto& t : all) {
    ASSERT_TRUE(t.ok()) << t.error().to_string();
    seen.insert(t->id);
  }
  EXPECT_EQ(seen.size(), 6u);  // 3 seeded + 3 created
  EXPECT_EQ(all.pages_fetched(), 3u);
  for (const auto& id : created) EXPECT_EQ(seen.count(id), 1u);

  f.name = "order_shipped";
  f.status = "PENDING";
  auto page = tp.list(kWaba, f);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_TRUE(page->has_next);

  const std::string id = *created.begin();
  auto one = tp.get(id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->components[0].text, "Order {{1}} ships on {{2}}.");
  ASSERT_TRUE(one->components[0].example.has_value());
  EXPECT_EQ(one->components[0].example->body_text, (std::vector<std::vector<std::string>>{{"#1", "Monday"}}));
  ASSERT_TRUE(tp.remove(id).ok());
  EXPECT_EQ(tp.get(id).error().kind(), whatsapp::ErrorKind::kApi);
  EXPECT_FALSE(tp.remove(id).ok());
}

TEST_F(TemplatesEmulator, ValidateAgainstTheFetchedDefinitionThenSend) {
  auto def = client->templates().get("920070352646140");
  ASSERT_TRUE(def.ok());
  using whatsapp::TemplateParameter;
  auto short_params =
      whatsapp::TemplateMessage(def->name, def->language).with_body({TemplateParameter::text("Mark")});
  EXPECT_EQ(short_params.validate_against(*def).error().field(), "template.components[body].parameters");
  auto good = whatsapp::TemplateMessage(def->name, def->language)
                  .with_body({TemplateParameter::text("Mark"), TemplateParameter::text("FALL25")})
                  .with_button(whatsapp::TemplateComponent::quick_reply(0, "stop"));
  ASSERT_TRUE(good.validate_against(*def).ok());
  EXPECT_TRUE(client->messages().send(kPhone, whatsapp::Message::template_message("16505551234", good)).ok());
}

}  // namespace api_templates_test
