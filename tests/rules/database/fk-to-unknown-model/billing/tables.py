from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

metadata = MetaData()

audit = Table("audit_log", metadata, Column("id", Integer, primary_key=True))


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)


class Invoice(Base):
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(primary_key=True)
    # ok: database/fk-to-unknown-model
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # ok: database/fk-to-unknown-model
    audit_id = Column(Integer, ForeignKey("audit_log.id"))
    # ok: database/fk-to-unknown-model
    schema_account_id = Column(Integer, ForeignKey("public.accounts.id"))
    # ruleid: database/fk-to-unknown-model
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    # ok: database/fk-to-unknown-model
    written_id = Column(Integer, ForeignKey(Account.id))
